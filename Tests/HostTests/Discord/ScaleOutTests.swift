import Foundation
import TestSupport
import Testing

/// One gateway process and three worker processes of the real `boss-host` on one PostgreSQL queue,
/// against the fake Discord and a slow media server (each download takes about 6 s, so jobs overlap
/// and a killed worker is caught mid-download).
@Suite("Scale-out: a gateway and workers on one PostgreSQL queue", .serialized)
struct ScaleOutTests {
    static let png = MediaSamples.file(MediaSamples.png, filler: 60_000, modulo: 251)
    static let (maxQueue, perWorker, workerCount, links) = (20, 2, 3, 60)

    @Test(
        "60 links at once: at most the queue and running accepted, each delivered exactly once across the workers; one worker killed with -9 midway"
    )
    func gatewayAndWorkers() async throws {
        let database = try await TestPostgres.database()
        let media = try await TestHTTPServer.start([
            "/media/slow.png": .slow(bytes: Self.png, chunkSize: 10_000, delay: .seconds(1))
        ])
        let discord = try await FakeDiscord.start()
        let folders = try (0...Self.workerCount).map { _ in try CLIHarness() }
        var processes: [ChildProcess] = []
        defer {
            for process in processes { process.kill(SIGKILL) }
            for folder in folders { folder.cleanUp() }
        }
        let environment = [
            "DISCORD_TOKEN": BotHarness.token, "BOSS_DISCORD_API_URL": discord.apiURL,
            "BOSS_QUEUE_URL": database,
            "BOSS_METRICS_ADDR": "off", "BOSS_MAX_QUEUE": "\(Self.maxQueue)",
            "BOSS_MAX_QUEUE_PER_USER": "100",
            "BOSS_USER_RATE_LIMIT": "1000/60", "BOSS_MAX_CONCURRENT": "\(Self.perWorker)",
            "BOSS_QUEUE_LEASE_SECONDS": "3", "BOSS_LOG_LEVEL": "info",
        ]
        let gateway = try Self.launch(folders[0], "run", environment.merging(["BOSS_WORKERS": "0"]) { $1 })
        processes.append(gateway)
        #expect(
            await eventually(within: .seconds(30)) { !discord.rest.registeredCommandNames.isEmpty },
            "\(gateway.stderr)")
        let workers = try folders.dropFirst().map { try Self.launch($0, "worker", environment) }
        processes += workers
        for worker in workers {
            #expect(
                await eventually(within: .seconds(30)) { worker.stderr.contains("started as worker") },
                "\(worker.stderr)")
        }
        #expect(discord.gateway.identifies.count == 1, "workers never connect to the gateway")
        let ids = (0..<Self.links).map { "77\(100 + $0)" }
        for (index, id) in ids.enumerated() {
            // Distinct query strings: sixty different links to the same slow file.
            let link = media.url("/media/slow.png") + "?n=\(index)"
            discord.gateway.dispatch(
                "MESSAGE_CREATE", GatewayHarness.message(id: id, content: "$dl <\(link)>"))
        }
        #expect(
            await eventually(within: .seconds(60)) {
                Set(discord.rest.messages.compactMap(\.replyTo)).count == Self.links
            })
        // A refused link's "⏳ Queued" reply is edited to the refusal right after; let those edits land.
        try await Task.sleep(for: .seconds(2))
        let replies = Dictionary(grouping: discord.rest.messages.filter { $0.replyTo != nil }) { $0.replyTo! }
        let refused = ids.filter { replies[$0]?.first?.content.contains("queue is full") == true }
        let accepted = ids.filter {
            replies[$0]?.first?.history.first?.hasPrefix("⏳ Queued") == true && !refused.contains($0)
        }
        #expect(accepted.count + refused.count == Self.links, "every link is either queued or refused")
        #expect(
            accepted.count <= Self.maxQueue + Self.perWorker * Self.workerCount, "accepted \(accepted.count)")
        #expect(accepted.count >= Self.maxQueue)

        // Kill the first worker that runs something, in the middle of its downloads.
        var victim: Int?
        _ = await eventually(within: .seconds(30)) {
            victim = workers.firstIndex { Self.started(in: $0.stderr).count > 0 }
            return victim != nil
        }
        let killed = try #require(victim)
        workers[killed].kill(SIGKILL)
        _ = await workers[killed].wait(timeout: .seconds(10))
        let cutShort = Self.started(in: workers[killed].stderr).subtracting(
            Self.delivered(in: workers[killed].stderr))
        #expect(!cutShort.isEmpty, "the killed worker was mid-download")

        let survivors = workers.indices.filter { $0 != killed }.map { workers[$0] }
        let deliveredCount = {
            survivors.map { Self.delivered(in: $0.stderr).count }.reduce(0, +)
                + Self.delivered(in: workers[killed].stderr).count
        }
        #expect(
            await eventually(within: .seconds(180)) { deliveredCount() >= accepted.count },
            "\(survivors.map(\.stderr))")
        let all = workers.map { Self.deliveredList(in: $0.stderr) }.joined()
        #expect(
            all.count == accepted.count && Set(all).count == accepted.count, "each job delivered exactly once"
        )
        #expect(cutShort.isSubset(of: Set(survivors.flatMap { Self.delivered(in: $0.stderr) })), "taken over")
        #expect(workers.filter { !Self.started(in: $0.stderr).isEmpty }.count == Self.workerCount, "spread")
        for id in accepted {
            let reply = try #require(replies[id]?.first)
            let final = try #require(discord.rest.messages.first { $0.id == reply.id })
            #expect(final.attachments.count == 1, "reply to \(id): \(final.history)")
        }
        for process in [gateway] + survivors {
            process.kill(SIGTERM)
            #expect(await process.wait(timeout: .seconds(40)) == 0)
        }
        await discord.stop()
        await media.stop()
    }

    /// Four busy processes at normal priority would starve the timing tests running beside this one on
    /// a 2-core CI machine; niced, they only take what is spare (`nice` execs, so the pid is boss-host's).
    static func launch(_ folder: CLIHarness, _ command: String, _ environment: [String: String]) throws
        -> ChildProcess
    {
        try ChildProcess(
            "/usr/bin/nice", ["-n", "10", CLIHarness.binary, command],
            environment: folder.environment(environment),
            directory: folder.root)
    }

    static func started(in log: String) -> Set<Int> { Set(jobs(in: log, #"job (\d+) started"#)) }
    static func delivered(in log: String) -> Set<Int> { Set(deliveredList(in: log)) }
    static func deliveredList(in log: String) -> [Int] { jobs(in: log, #"job (\d+) ended: delivered"#) }

    private static func jobs(in log: String, _ pattern: String) -> [Int] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: log, range: NSRange(log.startIndex..., in: log)).compactMap { match in
            Range(match.range(at: 1), in: log).flatMap { Int(log[$0]) }
        }
    }
}
