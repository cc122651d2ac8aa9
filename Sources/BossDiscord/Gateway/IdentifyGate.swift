/// The IDENTIFY schedule that every shard of one process shares (discord-api-docs: Sharding, max
/// concurrency): shards whose `id % maxConcurrency` are equal share a bucket, and IDENTIFYs of one
/// bucket go `spacing` apart while different buckets may IDENTIFY at once. It also keeps the day's
/// IDENTIFY budget, shared by all shards: one over it gets the bot's token reset.
public actor IdentifyGate {
    private let maxConcurrency: Int
    private let spacing: Duration
    private var remaining: Int
    /// When each bucket may IDENTIFY next.
    private var nextSlot: [Int: ContinuousClock.Instant] = [:]

    /// A gate for `maxConcurrency` buckets (`session_start_limit.max_concurrency`) and `budget`
    /// IDENTIFYs (`session_start_limit.remaining`).
    public init(maxConcurrency: Int, budget: Int, spacing: Duration = .seconds(5)) {
        self.maxConcurrency = max(1, maxConcurrency)
        self.spacing = spacing
        remaining = budget
    }

    /// No IDENTIFY is left today.
    public var isExhausted: Bool { remaining <= 0 }

    /// The bucket of `shard`.
    public func bucket(of shard: Int) -> Int { shard % maxConcurrency }

    /// Waits for `shard`'s turn and counts its IDENTIFY; false at once when the day's budget is used up.
    /// The slot is reserved before waiting, so shards of one bucket queue up in call order.
    public func waitTurn(shard: Int) async -> Bool {
        guard remaining > 0 else { return false }
        let bucket = bucket(of: shard)
        let slot = max(ContinuousClock.now, nextSlot[bucket] ?? .now)
        nextSlot[bucket] = slot + spacing
        remaining -= 1
        try? await Task.sleep(until: slot)
        return true
    }
}
