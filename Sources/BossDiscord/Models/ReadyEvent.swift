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
    /// `[id, count]` of the shard that received it; absent when the session is not sharded.
    public var shard: [Int]?

    /// The application's ID.
    public struct ApplicationRef: Codable, Sendable, Equatable {
        /// The application ID.
        public var id: Snowflake
    }

    enum CodingKeys: String, CodingKey {
        case sessionId, user, application, shard
        case resumeGatewayURL = "resumeGatewayUrl"
    }
}
