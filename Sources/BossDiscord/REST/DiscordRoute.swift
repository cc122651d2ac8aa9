import BossNet

/// One REST endpoint call: method, path, and the key its rate limit is tracked under. Discord's
/// buckets are per route *and* major parameter (channel, guild, webhook), so the key keeps those IDs
/// and replaces the others.
public struct DiscordRoute: Sendable, Equatable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// The path below the API base, e.g. `/channels/1/messages`.
    public var path: String
    /// The rate-limit key, e.g. `PATCH /channels/1/messages/:id`.
    public var bucketKey: String

    /// Interaction tokens are credentials: rate-limit keys (which reach logs) carry a stand-in.
    static func masked(_ token: String) -> String { "token-\(UInt32(truncatingIfNeeded: token.hashValue))" }

    init(_ method: HTTPMethod, _ path: String, key: String? = nil) {
        self.method = method
        self.path = path
        bucketKey = "\(method.rawValue) \(key ?? path)"
    }

    /// `GET /gateway/bot`.
    public static let gatewayBot = DiscordRoute(.get, "/gateway/bot")
    /// `GET /applications/@me`.
    public static let currentApplication = DiscordRoute(.get, "/applications/@me")

    /// `POST /channels/{channel}/messages`.
    public static func createMessage(channel: Snowflake) -> DiscordRoute {
        DiscordRoute(.post, "/channels/\(channel)/messages")
    }
    /// `PATCH /channels/{channel}/messages/{message}`.
    public static func editMessage(channel: Snowflake, message: Snowflake) -> DiscordRoute {
        DiscordRoute(
            .patch, "/channels/\(channel)/messages/\(message)", key: "/channels/\(channel)/messages/:id")
    }
    /// `PUT /applications/{application}/commands` (replaces the global command list).
    public static func overwriteCommands(application: Snowflake) -> DiscordRoute {
        DiscordRoute(.put, "/applications/\(application)/commands")
    }
    /// `POST /interactions/{id}/{token}/callback`: the first answer, within 3 s.
    public static func interactionCallback(id: Snowflake, token: String) -> DiscordRoute {
        DiscordRoute(.post, "/interactions/\(id)/\(token)/callback", key: "/interactions/:id/:token/callback")
    }
    /// `PATCH /webhooks/{application}/{token}/messages/@original`: edits the interaction's answer.
    public static func editOriginal(application: Snowflake, token: String) -> DiscordRoute {
        DiscordRoute(
            .patch, "/webhooks/\(application)/\(token)/messages/@original",
            key: "/webhooks/\(application)/\(masked(token))/messages/@original")
    }
    /// `PATCH /webhooks/{application}/{token}/messages/{message}`: edits a follow-up.
    public static func editFollowup(application: Snowflake, token: String, message: Snowflake) -> DiscordRoute
    {
        DiscordRoute(
            .patch, "/webhooks/\(application)/\(token)/messages/\(message)",
            key: "/webhooks/\(application)/\(masked(token))/messages/:id")
    }
    /// `GET /users/@me/guilds`: the servers the bot is in (the first 200, enough for a role check).
    public static let currentUserGuilds = DiscordRoute(.get, "/users/@me/guilds")
    /// `GET /guilds/{guild}/members/{user}`: a member with their roles; 404 when not a member.
    public static func guildMember(guild: Snowflake, user: Snowflake) -> DiscordRoute {
        DiscordRoute(.get, "/guilds/\(guild)/members/\(user)", key: "/guilds/\(guild)/members/:id")
    }
    /// `POST /webhooks/{application}/{token}`: an interaction follow-up message.
    public static func followup(application: Snowflake, token: String) -> DiscordRoute {
        DiscordRoute(
            .post, "/webhooks/\(application)/\(token)", key: "/webhooks/\(application)/\(masked(token))")
    }

    /// The route with every ID and token replaced by `:id` (`POST /channels/:id/messages`): a label of
    /// few values that carries no secret.
    public var metricName: String {
        let segments = path.split(separator: "/").map {
            Self.fixedSegments.contains(String($0)) ? String($0) : ":id"
        }
        return "\(method.rawValue) /" + segments.joined(separator: "/")
    }

    private static let fixedSegments: Set<String> = [
        "gateway", "bot", "applications", "@me", "channels", "messages", "commands", "interactions",
        "callback", "webhooks", "@original", "guilds", "users",
    ]
}
