import Foundation
import TestSupport
import Testing

/// What the operator sees when `boss-host run` cannot serve: each case exits with a message saying
/// what to fix, and never prints the token.
@Suite("Bot start-up and fatal errors", .serialized)
struct BotStartupTests {
    @Test("a fatal gateway close (4014) stops the bot with what to enable in the developer portal")
    func fatalCloseCode() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            discord.gateway.identifyCloseCode.store(4014, ordering: .relaxed)
            let result = try await cli.run(
                ["run"], ["DISCORD_TOKEN": BotHarness.token, "BOSS_DISCORD_API_URL": discord.apiURL])
            #expect(result.status == 2)
            #expect(result.stderr.contains("enable the Message Content intent"))
            #expect(discord.gateway.connections.count == 1, "a fatal code must not be retried")
            #expect(!result.stderr.contains(BotHarness.token))
        }
    }

    @Test("a rejected token (401 on /gateway/bot) exits 2 and says to reset it")
    func rejectedToken() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            discord.rest.script(pathContains: "/gateway/bot", .status(401))
            let result = try await cli.run(
                ["run"], ["DISCORD_TOKEN": BotHarness.token, "BOSS_DISCORD_API_URL": discord.apiURL])
            #expect(result.status == 2)
            #expect(result.stderr.contains("Reset Token"))
            #expect(!result.stderr.contains(BotHarness.token))
        }
    }

    @Test("a .env readable by other users gets a warning naming the fix")
    func sharedDotEnv() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            for _ in 0..<2 { discord.rest.script(pathContains: "/gateway/bot", .status(401)) }
            let dotEnv = cli.root + "/.env"
            try "DISCORD_TOKEN=\(BotHarness.token)\n".write(toFile: dotEnv, atomically: true, encoding: .utf8)
            chmod(dotEnv, 0o644)
            let result = try await cli.run(["run"], ["BOSS_DISCORD_API_URL": discord.apiURL])
            #expect(result.stderr.contains("chmod 600"))
            chmod(dotEnv, 0o600)
            let quiet = try await cli.run(["run"], ["BOSS_DISCORD_API_URL": discord.apiURL])
            #expect(quiet.status == 2, "the token from .env reached Discord both times")
            #expect(!quiet.stderr.contains("chmod 600"))
            #expect(!(result.stderr + quiet.stderr).contains(BotHarness.token))
        }
    }

    @Test("a restart resumes the gateway session and answers what was posted while the bot was down")
    func resumeAcrossRestart() async throws {
        try await withHarness(BotHarness.start()) { harness in
            harness.bot.kill(SIGTERM)
            #expect(await harness.bot.wait(timeout: .seconds(30)) == 0)
            #expect(FileManager.default.fileExists(atPath: harness.cli.data + "/gateway-session.json"))
            harness.say("$ping", id: "9101")
            let again = try harness.launchAgain()
            defer { again.kill(SIGKILL) }
            let pong = await harness.reply(to: "9101") { $0.content.contains("Pong") }
            #expect(pong != nil, "no answer after the restart; log:\n\(again.stderr)")
            #expect(harness.discord.gateway.received(op: 6).first?["session_id"] as? String == "session-1")
            #expect(
                harness.discord.gateway.sessionCount == 1, "the restart identified again instead of resuming")
        }
    }

    @Test("a link that kills the bot three times is dropped, and its reply says so")
    func poisonLinkDropped() async throws {
        let slow = TestRoute.slow(bytes: BotDeliveryTests.slowMP4, chunkSize: 4096, delay: .milliseconds(100))
        try await withHarness(BotHarness.start(media: ["/slow.mp4": slow])) { harness in
            harness.say("$dl \(harness.media.url("/slow.mp4"))", id: "9201")
            var bot = harness.bot
            var seen = 0
            for _ in 0..<3 {
                // Killed while the download runs: each start edits the reply to "starting" first.
                let skip = seen
                let running = await harness.reply(to: "9201") { message in
                    message.history.dropFirst(skip).contains { $0.contains("starting") }
                }
                seen = try #require(running, "the download did not start again").history.count
                bot.kill(SIGKILL)
                _ = await bot.wait(timeout: .seconds(10))
                bot = try harness.launchAgain()
            }
            defer { bot.kill(SIGKILL) }
            let dropped = await harness.reply(to: "9201") { $0.content.contains("stopped the bot 3 times") }
            #expect(dropped != nil, "log:\n\(bot.stderr)")
        }
    }
}
