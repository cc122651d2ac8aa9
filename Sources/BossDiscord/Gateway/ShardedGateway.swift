import Logging

/// The shards one process runs: a `GatewaySession` per shard id in `ids` (out of `count`), their
/// events merged into one stream, IDENTIFYs scheduled by one shared `IdentifyGate`. `run()` returns
/// after `stop()`; a fatal close of any shard stops them all and is thrown.
public final class ShardedGateway: Sendable {
    /// Every shard's events, in order per shard.
    public let events: AsyncStream<GatewayEvent>
    private let sink: AsyncStream<GatewayEvent>.Continuation
    /// The sessions, by ascending shard id.
    public let sessions: [(id: Int, session: GatewaySession)]
    /// The shard ids this process runs.
    public let ids: ClosedRange<Int>
    /// Shards in all.
    public let count: Int
    /// A session resumed from a previous process (the first shard's): it says who the bot is.
    public let resumed: SavedSession?

    /// One session per shard of `ids` out of `count`, each configured like `configuration` with its own
    /// shard, `resume(shard)` as the session to resume, and `shard=N` on its log lines.
    public init(
        gatewayURL: String, configuration: GatewayConfiguration, ids: ClosedRange<Int>, count: Int,
        resume: (ShardInfo) -> SavedSession?, logger: Logger
    ) {
        (events, sink) = AsyncStream.makeStream(of: GatewayEvent.self)
        self.ids = ids
        self.count = count
        var sessions: [(id: Int, session: GatewaySession)] = []
        var resumed: SavedSession?
        for id in ids {
            var shardConfiguration = configuration
            shardConfiguration.shard = ShardInfo(id: id, count: count)
            shardConfiguration.resume = resume(shardConfiguration.shard)
            resumed = resumed ?? shardConfiguration.resume
            var shardLogger = logger
            shardLogger[metadataKey: "shard"] = "\(id)"
            let session = GatewaySession(
                gatewayURL: gatewayURL, configuration: shardConfiguration, logger: shardLogger)
            sessions.append((id, session))
        }
        self.sessions = sessions
        self.resumed = resumed
    }

    /// Runs every shard until `stop()` (returns) or one shard's fatal close (stops the others, throws).
    public func run() async throws(GatewayError) {
        defer { sink.finish() }
        let failure = await withTaskGroup(of: GatewayError?.self) { group -> GatewayError? in
            for (_, session) in sessions {
                group.addTask { [sink] in
                    for await event in session.events { sink.yield(event) }
                    return nil
                }
                group.addTask {
                    do throws(GatewayError) {
                        try await session.run()
                        return nil
                    } catch { return error }
                }
            }
            var failure: GatewayError?
            for await result in group where failure == nil {
                guard let result else { continue }
                failure = result
                await stop()
            }
            return failure
        }
        if let failure { throw failure }
    }

    /// Closes every shard with a resumable code.
    public func stop() async {
        for (_, session) in sessions { await session.stop() }
    }

    /// Whether each shard's session is established, by shard id.
    public func connected() async -> [Int: Bool] {
        var connected: [Int: Bool] = [:]
        for (id, session) in sessions { connected[id] = await session.isConnected }
        return connected
    }

    /// Every shard is established.
    public var isConnected: Bool {
        get async { await connected().values.allSatisfy { $0 } }
    }

    /// The slowest shard's last heartbeat round trip.
    public var latency: Duration? {
        get async {
            var slowest: Duration?
            for (_, session) in sessions {
                if let latency = await session.latency { slowest = max(slowest ?? latency, latency) }
            }
            return slowest
        }
    }

    /// Reconnections of all shards since start.
    public var reconnects: Int {
        get async {
            var total = 0
            for (_, session) in sessions { total += await session.reconnects }
            return total
        }
    }

    /// Each shard's session to RESUME after a restart, by shard.
    public func saved() async -> [(shard: ShardInfo, session: SavedSession)] {
        var saved: [(ShardInfo, SavedSession)] = []
        for (id, session) in sessions {
            if let one = await session.saved() { saved.append((ShardInfo(id: id, count: count), one)) }
        }
        return saved
    }
}
