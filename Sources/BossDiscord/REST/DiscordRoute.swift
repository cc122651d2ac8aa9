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
    /// `POST /webhooks/{application}/{token}`: an interaction follow-up message.
    public static func followup(application: Snowflake, token: String) -> DiscordRoute {
        DiscordRoute(
            .post, "/webhooks/\(application)/\(token)", key: "/webhooks/\(application)/\(masked(token))")
    }
}

/// A request body.
public enum DiscordBody: Sendable {
    /// No body.
    case none
    /// A JSON document.
    case json([UInt8])
    /// `payload_json` plus files streamed from disk as `files[n]` (Discord's attachment upload).
    case multipart(payloadJSON: [UInt8], files: [UploadFile])
}

/// A file to attach.
public struct UploadFile: Sendable, Equatable {
    /// The name users see.
    public var name: String
    /// Where it is on disk.
    public var path: String
    /// Its size in bytes (for the upload limits).
    public var size: Int64

    /// Creates an upload.
    public init(name: String, path: String, size: Int64) {
        self.name = name
        self.path = path
        self.size = size
    }
}
