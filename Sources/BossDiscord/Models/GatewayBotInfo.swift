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
