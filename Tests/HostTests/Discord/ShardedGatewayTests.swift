import BossDiscord
import Foundation
import Logging
import TestSupport
import Testing

/// Several shards in one process against the fake Discord over real WebSockets: each shard IDENTIFYs
/// once with its own `[id, count]`, events of every shard reach the one stream, and IDENTIFYs follow
/// Discord's `max_concurrency` buckets.
@Suite("Sharded gateway", .serialized)
struct ShardedGatewayTests {
    /// Runs shards `ids` of `count` against `discord` with `maxConcurrency` buckets `spacing` apart.
    static func start(
        _ discord: FakeDiscord, ids: ClosedRange<Int>, count: Int, maxConcurrency: Int = 1,
        spacing: Duration = .milliseconds(10), budget: Int = 100
    ) -> (ShardedGateway, Task<GatewayError?, Never>) {
        var configuration = GatewayConfiguration(token: GatewayHarness.token)
        configuration.backoff = ReconnectBackoff(base: .milliseconds(20), cap: .milliseconds(200))
        configuration.identifySpacing = spacing
        configuration.identifyGate = IdentifyGate(
            maxConcurrency: maxConcurrency, budget: budget, spacing: spacing)
        let gateway = ShardedGateway(
            gatewayURL: "ws://127.0.0.1:\(discord.port)/gateway", configuration: configuration, ids: ids,
            count: count, resume: { _ in nil }, logger: Logger(label: "shard-test"))
        let runner = Task { () -> GatewayError? in
            do {
                try await gateway.run()
                return nil
            } catch { return error as? GatewayError }
        }
        return (gateway, runner)
    }

    @Test("shards 0-1 of 4 identify as [0,4] and [1,4], once each; a message on shard 1 arrives")
    func twoOfFour() async throws {
        let discord = try await FakeDiscord.start()
        let (gateway, runner) = Self.start(discord, ids: 0...1, count: 4)
        let iterator = GatewayHarness.EventIterator(gateway.events)
        #expect(await eventually(within: .seconds(30)) { await gateway.isConnected })
        #expect(discord.gateway.identifies.map(\.shard).sorted { $0[0] < $1[0] } == [[0, 4], [1, 4]])
        #expect(await gateway.connected() == [0: true, 1: true])
        discord.gateway.dispatch(
            "MESSAGE_CREATE", GatewayHarness.message(id: "71", content: "on one"), shard: 1)
        var contents: [String] = []
        while contents.isEmpty, let event = await iterator.base.next() {
            if let content = event.content { contents.append(content) }
        }
        #expect(contents == ["on one"])
        await gateway.stop()
        #expect(await runner.value == nil)
        await discord.stop()
    }

    @Test("max_concurrency 1: every IDENTIFY waits its turn, each shard once")
    func oneBucket() async throws {
        let discord = try await FakeDiscord.start()
        let (gateway, runner) = Self.start(discord, ids: 0...2, count: 3, spacing: .seconds(1.5))
        #expect(await eventually(within: .seconds(30)) { discord.gateway.identifies.count == 3 })
        let identifies = discord.gateway.identifies
        #expect(identifies.map { $0.shard[0] }.sorted() == [0, 1, 2])
        for (earlier, later) in zip(identifies, identifies.dropFirst()) {
            // Times of arrival at the fake carry the machine's delays: a gap can look shorter than the
            // spacing the gate kept, never close to nothing.
            #expect(later.at - earlier.at >= .seconds(1), "one bucket's IDENTIFYs are spaced")
        }
        await gateway.stop()
        _ = await runner.value
        await discord.stop()
    }

    @Test("max_concurrency 2: the two buckets identify side by side, each spaced on its own")
    func twoBuckets() async throws {
        let discord = try await FakeDiscord.start()
        let (gateway, runner) = Self.start(
            discord, ids: 0...3, count: 4, maxConcurrency: 2, spacing: .seconds(3))
        #expect(await eventually(within: .seconds(30)) { discord.gateway.identifies.count == 4 })
        let at = Dictionary(uniqueKeysWithValues: discord.gateway.identifies.map { ($0.shard[0], $0.at) })
        let times = try (0...3).map { try #require(at[$0]) }
        func apart(_ one: Int, _ other: Int) -> Duration {
            max(times[one], times[other]) - min(times[one], times[other])
        }
        #expect(apart(0, 2) >= .seconds(2.5), "shards 0 and 2 share bucket 0")
        #expect(apart(1, 3) >= .seconds(2.5), "shards 1 and 3 share bucket 1")
        // Which shard of a bucket goes first follows the order the connections open. One bucket would
        // take three spacings (9 s) for the four; two buckets side by side take one (3 s).
        #expect(times.max()! - times.min()! < .seconds(5.9), "different buckets identify side by side")
        await gateway.stop()
        _ = await runner.value
        await discord.stop()
    }

    @Test("the day's IDENTIFY budget is shared: the shard past it stops every shard instead of identifying")
    func sharedBudget() async throws {
        let discord = try await FakeDiscord.start()
        let (gateway, runner) = Self.start(discord, ids: 0...1, count: 2, budget: 1)
        let error = await runner.value
        #expect(error.map { "\($0)" } == "\(GatewayError.identifyBudgetExhausted)")
        #expect(discord.gateway.identifies.count == 1)
        #expect(await !gateway.isConnected)
        await discord.stop()
    }

    @Test("the gate queues one bucket in call order and counts the shared budget")
    func gate() async {
        let gate = IdentifyGate(maxConcurrency: 2, budget: 4, spacing: .seconds(2))
        let start = ContinuousClock.now
        _ = await gate.waitTurn(shard: 0)
        _ = await gate.waitTurn(shard: 1)
        #expect(ContinuousClock.now - start < .milliseconds(1900), "two buckets go at once")
        _ = await gate.waitTurn(shard: 2)
        #expect(ContinuousClock.now - start >= .milliseconds(1990), "shard 2 waits for bucket 0")
        #expect(await gate.bucket(of: 3) == 1)
        #expect(await !gate.isExhausted)
        #expect(await gate.waitTurn(shard: 3))
        #expect(await gate.isExhausted)
        #expect(await !gate.waitTurn(shard: 0), "none is left")
    }

    @Test("a shard's saved session has its own file; the unsharded one keeps the old name")
    func savedSessionFiles() {
        #expect(SavedSession.fileName(for: ShardInfo(id: 0, count: 1)) == "gateway-session.json")
        #expect(SavedSession.fileName(for: ShardInfo(id: 0, count: 4)) == "gateway-session-0-of-4.json")
        #expect(SavedSession.fileName(for: ShardInfo(id: 3, count: 4)) == "gateway-session-3-of-4.json")
    }
}
