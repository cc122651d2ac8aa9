import Foundation
import TestSupport

/// `boss-host run` as a child process against a fake Discord, with a media server and the package's
/// direct-link plugin. The bot's user is 900, its application 800.
struct BotHarness: Stoppable {
    static let token = "bot-token-e2e.SECRET-value"
    let cli: CLIHarness
    let discord: FakeDiscord
    let media: TestHTTPServer
    let bot: ChildProcess
    let environment: [String: String]

    /// `plugins` are C sources from `Tests/Fixtures/Plugins`, built into the plugins folder beside the
    /// direct-link plugin.
    static func start(
        _ extra: [String: String] = [:], media routes: [String: TestRoute] = [:], plugins: [String] = []
    ) async throws -> BotHarness {
        let cli = try CLIHarness()
        for source in plugins {
            let name = "lib" + source.replacingOccurrences(of: ".c", with: ".so")
            _ = try CPluginBuilder.build(source: source, into: cli.plugins, name: name)
        }
        let discord = try await FakeDiscord.start()
        let media = try await TestHTTPServer.start(routes)
        let environment = [
            "DISCORD_TOKEN": token, "BOSS_DISCORD_API_URL": discord.apiURL, "BOSS_LOG_LEVEL": "debug",
            "BOSS_METRICS_ADDR": "off",
        ].merging(extra) { _, new in new }
        let bot = try cli.launch(["run"], environment)
        // A bot that never gets ready is stopped (with its fakes and folder) before the error is thrown.
        let harness = BotHarness(cli: cli, discord: discord, media: media, bot: bot, environment: environment)
        return try await harness.configured { _ in
            guard await eventually(within: .seconds(20), { !discord.rest.registeredCommandNames.isEmpty })
            else {
                throw StartFailure(stderr: bot.stderr)
            }
        }
    }

    /// Starts the bot again over the same data directory (after the first one stopped).
    func launchAgain() throws -> ChildProcess { try cli.launch(["run"], environment) }

    struct StartFailure: Error, CustomStringConvertible {
        var stderr: String
        var description: String { "the bot did not start:\n\(stderr)" }
    }

    /// Posts a user's message in guild 5, channel 10 (`guild` nil: a DM), as a member with `roles`.
    func say(
        _ content: String, id: String, author: String = "42", channel: String = "10", guild: String? = "5",
        roles: [String] = []
    ) {
        let guildField = guild.map { #""guild_id":"\#($0)","# } ?? ""
        let escaped = content.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "\"", with: "\\\"")
        discord.gateway.dispatch(
            "MESSAGE_CREATE",
            #"{"id":"\#(id)","channel_id":"\#(channel)",\#(guildField)"content":"\#(escaped)","#
                + #""author":{"id":"\#(author)","username":"user\#(author)"},"member":{"roles":\#(roles)},"mentions":[]}"#
        )
    }

    /// The bot's reply to message `id`, once it exists.
    func reply(to id: String, where predicate: @escaping @Sendable (FakeMessage) -> Bool = { _ in true })
        async
        -> FakeMessage?
    {
        var found: FakeMessage?
        _ = await eventually(within: .seconds(30)) {
            found = discord.rest.messages.first { $0.replyTo == id && predicate($0) }
            return found != nil
        }
        return found
    }

    func stop() async {
        bot.kill(SIGTERM)
        _ = await bot.wait(timeout: .seconds(40))
        await discord.stop()
        await media.stop()
        cli.cleanUp()
    }
}
