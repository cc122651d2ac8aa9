/// How a `GatewaySession` connects and recovers.
public struct GatewayConfiguration: Sendable {
    /// The bot token (secret: never logged).
    public var token: String
    /// Intents to IDENTIFY with.
    public var intents: GatewayIntents = .bossBot
    /// This session's shard.
    public var shard: ShardInfo = ShardInfo(id: 0, count: 1)
    /// Delay between reconnect attempts after failures.
    public var backoff = ReconnectBackoff()
    /// Seconds to wait after an INVALID_SESSION before a new IDENTIFY (Discord documents 1–5 s).
    public var invalidSessionWait: ClosedRange<Double> = 1...5
    /// Minimum time between two IDENTIFYs (Discord allows `max_concurrency` per 5 s).
    public var identifySpacing: Duration = .seconds(5)
    /// IDENTIFYs left today, from `GET /gateway/bot`.
    public var identifyBudget: Int = 1000
    /// A session the previous process left, to RESUME instead of identifying.
    public var resume: SavedSession?
    /// The IDENTIFY schedule and budget shared with the process's other shards (nil: this session's own).
    public var identifyGate: IdentifyGate?

    /// A configuration with Discord's defaults.
    public init(token: String) { self.token = token }
}
