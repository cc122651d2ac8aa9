import Foundation
import TestSupport
import Testing

/// What `worker` and a gateway-only `run` need before they start, said to the operator (exit 2).
@Suite("Process roles and the queue URL")
struct QueueRoleTests {
    static let environment = ["DISCORD_TOKEN": "role-token-0123456789", "BOSS_METRICS_ADDR": "off"]

    @Test("worker and BOSS_WORKERS=0 without BOSS_QUEUE_URL exit 2 naming it")
    func sharedQueueRequired() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            var environment = Self.environment
            environment["BOSS_DISCORD_API_URL"] = discord.apiURL
            let worker = try await cli.run(["worker"], environment)
            #expect(worker.status == 2)
            #expect(worker.stderr.contains("boss-host worker needs BOSS_QUEUE_URL"), "\(worker.stderr)")
            environment["BOSS_WORKERS"] = "0"
            let gateway = try await cli.run(["run"], environment)
            #expect(gateway.status == 2)
            #expect(gateway.stderr.contains("BOSS_WORKERS=0 needs BOSS_QUEUE_URL"), "\(gateway.stderr)")
        }
    }

    @Test("a queue URL that is not PostgreSQL's, or a database that is down, is refused without its password")
    func badQueueURL() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            var environment = Self.environment
            environment["BOSS_DISCORD_API_URL"] = discord.apiURL
            environment["BOSS_QUEUE_URL"] = "mysql://boss:hunter2secret@127.0.0.1/bot"
            let wrong = try await cli.run(["worker"], environment)
            #expect(
                wrong.status == 2 && wrong.stderr.contains("must start with postgres://"), "\(wrong.stderr)")
            let closed = try LocalPort.free()
            environment["BOSS_QUEUE_URL"] =
                "postgres://boss:hunter2secret@127.0.0.1:\(closed)/bot?sslmode=disable"
            let down = try await cli.run(["worker"], environment)
            #expect(down.status == 1, "\(down.stderr)")
            #expect(
                down.stderr.contains("cannot open the queue database postgres://boss@127.0.0.1"),
                "\(down.stderr)")
            for output in [wrong.stderr, wrong.stdout, down.stderr, down.stdout] {
                #expect(!output.contains("hunter2secret"))
            }
        }
    }
}
