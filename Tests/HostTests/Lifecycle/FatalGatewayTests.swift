import Foundation
import TestSupport
import Testing

/// A fatal gateway close ends the whole service group: the bot stops its services and exits 2.
@Suite("Fatal gateway close")
struct FatalGatewayTests {
    @Test("an authentication failure on IDENTIFY (4004) stops the bot with exit 2 and says why")
    func authenticationFailed() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            discord.gateway.identifyCloseCode.store(4004, ordering: .relaxed)
            let bot = try cli.launch(
                ["run"],
                [
                    "DISCORD_TOKEN": BotHarness.token, "BOSS_DISCORD_API_URL": discord.apiURL,
                    "BOSS_METRICS_ADDR": "127.0.0.1:0",
                ])
            let status = await bot.wait(timeout: .seconds(60))
            #expect(status == 2, "\(bot.stderr.suffix(3000))")
            #expect(bot.stderr.contains("4004"))
            #expect(!bot.stderr.contains(BotHarness.token))
        }
    }
}
