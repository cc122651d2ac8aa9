/// How a `GatewaySession` connects and recovers.
public struct GatewayConfiguration: Sendable {
    /// The bot token (secret: never logged).
    public var token: String
    /// Intents to IDENTIFY with.
    public var intents: GatewayIntents = .bossBot
    /// This process's shard.
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

    /// A configuration with Discord's defaults.
    public init(token: String) { self.token = token }
}

/// A shard: `id` in `0..<count`.
public struct ShardInfo: Sendable, Equatable {
    /// This shard's index.
    public var id: Int
    /// Shards in all.
    public var count: Int
    /// Creates shard info.
    public init(id: Int, count: Int) {
        self.id = id
        self.count = count
    }
}

/// Capped exponential backoff with jitter: attempt n waits between half and all of min(cap, base × 2ⁿ).
public struct ReconnectBackoff: Sendable {
    /// The first delay's upper bound.
    public var base: Duration = .seconds(1)
    /// The largest delay.
    public var cap: Duration = .seconds(60)
    /// Creates a backoff.
    public init(base: Duration = .seconds(1), cap: Duration = .seconds(60)) {
        self.base = base
        self.cap = cap
    }

    /// The delay before attempt `attempt` (0 = first retry, which waits only a little).
    public func delay(attempt: Int) -> Duration {
        let ceiling = min(cap, base * (1 << min(attempt, 20)))
        return ceiling * Double.random(in: 0.5...1)
    }
}

/// What the gateway hands the bot.
public enum GatewayEvent: Sendable, Equatable {
    /// A new session: who the bot is.
    case ready(ReadyEvent)
    /// A dropped session was resumed; missed events follow.
    case resumed
    /// A message was posted.
    case messageCreate(Message)
    /// A slash command was used.
    case interactionCreate(Interaction)
}

/// Why the gateway stopped for good.
public enum GatewayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Discord closed with a code that must not be retried; the text tells the operator what to fix.
    case fatal(code: UInt16, message: String)
    /// The IDENTIFY budget for today is used up.
    case identifyBudgetExhausted

    /// The operator-facing text.
    public var description: String {
        switch self {
        case .fatal(_, let message): message
        case .identifyBudgetExhausted:
            "The daily IDENTIFY budget is used up; Discord would reset the token. Start again tomorrow."
        }
    }
}
