import Foundation
import TestSupport
import Testing

/// SIGTERM/SIGINT on the real bot: running downloads finish within BOSS_SHUTDOWN_GRACE_SECONDS (or are
/// stored as queued), waiting jobs stay queued, the process exits 0, and after a restart every job is
/// delivered exactly once.
@Suite("Graceful shutdown", .serialized)
struct GracefulShutdownTests {
    static let ids = ["7101", "7102", "7103", "7104"]

    /// Four slow downloads with two running at once, then `signals` while two run and two wait; `body`
    /// gets the bot and its exit status, and the bot is stopped after it.
    static func interrupted(
        grace: Int, signals: [Int32], _ body: (BotHarness, Int32) async throws -> Void
    ) async throws {
        let slow = TestRoute.slow(bytes: CLIHarness.png, chunkSize: 20_000, delay: .milliseconds(300))
        try await withHarness(
            BotHarness.start(
                ["BOSS_MAX_CONCURRENT": "2", "BOSS_SHUTDOWN_GRACE_SECONDS": "\(grace)"],
                media: [
                    "/media/a.png": slow, "/media/b.png": slow, "/media/c.png": slow, "/media/d.png": slow,
                ])
        ) { harness in
            for (id, name) in zip(ids, ["a", "b", "c", "d"]) {
                harness.say("$dl \(harness.media.url("/media/\(name).png"))", id: id)
            }
            #expect(
                await eventually(within: .seconds(10)) {
                    let log = harness.bot.stderr
                    return log.components(separatedBy: " queued").count > 4
                        && log.components(separatedBy: " started (attempt").count > 2
                })
            try await Task.sleep(for: .milliseconds(500))  // both running downloads are mid-transfer
            for signal in signals {
                harness.bot.kill(signal)
                try await Task.sleep(for: .milliseconds(100))
            }
            let status = await harness.bot.wait(timeout: .seconds(40))
            try await body(harness, status)
        }
    }

    /// Starts the bot again on the same data directory and fake Discord, and waits for every delivery.
    static func restartAndCount(_ harness: BotHarness) async throws -> [String: Int] {
        let again = try harness.cli.launch(
            ["run"],
            [
                "DISCORD_TOKEN": BotHarness.token, "BOSS_DISCORD_API_URL": harness.discord.apiURL,
                "BOSS_LOG_LEVEL": "debug", "BOSS_METRICS_ADDR": "off",
            ])
        defer { again.kill(SIGKILL) }
        func counts() -> [String: Int] {
            var counts: [String: Int] = [:]
            for message in harness.discord.rest.messages where !message.attachments.isEmpty {
                counts[message.replyTo ?? "-", default: 0] += 1
            }
            return counts
        }
        _ = await eventually(within: .seconds(60)) { Set(counts().keys).isSuperset(of: ids) }
        try await Task.sleep(for: .seconds(1))  // a duplicate would come right after
        #expect(again.stderr.contains("started (attempt"), "the restarted bot ran no job")
        return counts()
    }

    @Test(
        "SIGTERM: running downloads finish, waiting jobs persist, exit 0; after restart each is delivered once"
    )
    func runningFinish() async throws {
        try await Self.interrupted(grace: 30, signals: [SIGTERM]) { harness, status in
            #expect(status == 0, "\(harness.bot.stderr.suffix(3000))")
            let deliveredBeforeExit = harness.discord.rest.messages.filter { !$0.attachments.isEmpty }.count
            #expect(
                deliveredBeforeExit == 2, "the two running downloads should have been delivered before exit")
            let counts = try await Self.restartAndCount(harness)
            #expect(counts == Dictionary(uniqueKeysWithValues: Self.ids.map { ($0, 1) }))
        }
    }

    @Test("SIGINT with a grace shorter than the downloads: they are stored as queued, delivered once later")
    func graceExpires() async throws {
        try await Self.interrupted(grace: 0, signals: [SIGINT]) { harness, status in
            #expect(status == 0, "\(harness.bot.stderr.suffix(3000))")
            #expect(harness.discord.rest.messages.filter { !$0.attachments.isEmpty }.isEmpty)
            let counts = try await Self.restartAndCount(harness)
            #expect(counts == Dictionary(uniqueKeysWithValues: Self.ids.map { ($0, 1) }))
        }
    }

    @Test("a second signal exits at once; the queue database survives and every job is delivered once")
    func secondSignal() async throws {
        try await Self.interrupted(grace: 30, signals: [SIGTERM, SIGTERM]) { harness, status in
            #expect(status != 0)
            let counts = try await Self.restartAndCount(harness)
            #expect(counts == Dictionary(uniqueKeysWithValues: Self.ids.map { ($0, 1) }))
        }
    }
}
