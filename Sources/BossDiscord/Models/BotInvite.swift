/// The OAuth2 link that adds the bot to a server.
public enum BotInvite {
    /// The scopes the bot asks for: its user, and slash commands.
    public static let scopes = ["bot", "applications.commands"]

    /// `https://discord.com/oauth2/authorize?client_id=ID&scope=bot%20applications.commands&permissions=N`.
    public static func url(applicationID: Snowflake, permissions: DiscordPermissions = .bot) -> String {
        let scope = scopes.joined(separator: "%20")
        return "https://discord.com/oauth2/authorize?client_id=\(applicationID)&scope=\(scope)"
            + "&permissions=\(permissions.rawValue)"
    }
}
