extension DiscordRoute {
    /// `GET /users/@me/guilds`: the servers the bot is in (the first 200, enough for a role check).
    public static let currentUserGuilds = DiscordRoute(.get, "/users/@me/guilds")

    /// `GET /guilds/{guild}/members/{user}`: a member with their roles; 404 when not a member.
    public static func guildMember(guild: Snowflake, user: Snowflake) -> DiscordRoute {
        DiscordRoute(.get, "/guilds/\(guild)/members/\(user)", key: "/guilds/\(guild)/members/:id")
    }
}
