/// `GET /gateway/bot`: where to connect, how many shards, and how many IDENTIFYs are left.
public struct GatewayBotInfo: Codable, Sendable, Equatable {
    /// The gateway's WebSocket URL (without query).
    public var url: String
    /// Recommended shard count.
    public var shards: Int
    /// The IDENTIFY budget.
    public var sessionStartLimit: SessionStartLimit

    /// IDENTIFY budget: exceeding `total` per day gets the bot's token reset.
    public struct SessionStartLimit: Codable, Sendable, Equatable {
        /// IDENTIFYs per day.
        public var total: Int
        /// IDENTIFYs left.
        public var remaining: Int
        /// Milliseconds until `remaining` resets.
        public var resetAfter: Int
        /// IDENTIFYs allowed per 5 seconds.
        public var maxConcurrency: Int
    }
}

/// READY: the session to resume later and who the bot is.
public struct ReadyEvent: Codable, Sendable, Equatable {
    /// For RESUME.
    public var sessionId: String
    /// Where to RESUME.
    public var resumeGatewayURL: String
    /// The bot's own user.
    public var user: User
    /// The bot's application (for slash commands).
    public var application: ApplicationRef

    /// The application's ID.
    public struct ApplicationRef: Codable, Sendable, Equatable {
        /// The application ID.
        public var id: Snowflake
    }

    enum CodingKeys: String, CodingKey {
        case sessionId, user, application
        case resumeGatewayURL = "resumeGatewayUrl"
    }
}

/// Gateway intents the bot asks for.
public struct GatewayIntents: OptionSet, Sendable, Codable {
    /// The bit mask.
    public let rawValue: Int
    /// Wraps a mask.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Guild create/update events (the channels the bot can see).
    public static let guilds = GatewayIntents(rawValue: 1 << 0)
    /// Messages in guilds.
    public static let guildMessages = GatewayIntents(rawValue: 1 << 9)
    /// Messages in DMs.
    public static let directMessages = GatewayIntents(rawValue: 1 << 12)
    /// The text of messages (privileged: enabled in the developer portal).
    public static let messageContent = GatewayIntents(rawValue: 1 << 15)
    /// What Boss-Bot needs.
    public static let bossBot: GatewayIntents = [.guilds, .guildMessages, .directMessages, .messageContent]
}
