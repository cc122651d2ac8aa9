import Foundation
import TestSupport
import Testing

/// A fleet of bot processes shares one Discord rate limit; operators put a shared REST proxy (such as
/// nirn-proxy) in front through `BOSS_DISCORD_API_URL` (docs/SCALING.md). The stand-in forwards every
/// request to the fake Discord and logs it.
@Suite("Behind a shared Discord REST proxy")
struct RESTProxyTests {
    @Test("every REST call goes through the proxy with the bot's credentials, and a download is delivered")
    func behindProxy() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            try await withHarness(
                TestHTTPServer.start(["/media/cat.png": .bytes(CLIHarness.png, contentType: "image/png")])
            ) { media in
                let script = CPluginBuilder.repositoryRoot + "/Tests/Fixtures/REST/rest_forwarder.py"
                let proxy = try ChildProcess(
                    "/usr/bin/env", ["python3", script, "127.0.0.1", String(discord.port)],
                    environment: ProcessInfo.processInfo.environment, directory: cli.root)
                defer { proxy.kill(SIGKILL) }
                var port = 0
                _ = await eventually {
                    port = Int(proxy.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
                    return port > 0
                }
                try #require(port > 0, "the forwarder did not start: \(proxy.stderr)")
                let bot = try cli.launch(
                    ["run"],
                    [
                        "DISCORD_TOKEN": BotHarness.token, "BOSS_METRICS_ADDR": "off",
                        "BOSS_DISCORD_API_URL": "http://127.0.0.1:\(port)/api/v10",
                    ])
                defer { bot.kill(SIGKILL) }
                let ready = await eventually(within: .seconds(20)) {
                    !discord.rest.registeredCommandNames.isEmpty
                }
                try #require(ready, "the bot did not start behind the proxy:\n\(bot.stderr)")
                discord.gateway.dispatch(
                    "MESSAGE_CREATE",
                    #"{"id":"7101","channel_id":"10","guild_id":"5","content":"$dl \#(media.url("/media/cat.png"))","#
                        + #""author":{"id":"42","username":"u"},"member":{"roles":[]},"mentions":[]}"#)
                let delivered = await eventually(within: .seconds(30)) {
                    discord.rest.messages.contains { $0.replyTo == "7101" && !$0.attachments.isEmpty }
                }
                try #require(delivered, "no files posted:\n\(bot.stderr)")
                let posted = try #require(discord.rest.messages.first { $0.replyTo == "7101" })
                #expect(posted.attachments.first?.bytes.elementsEqual(CLIHarness.png) == true)
                // The fake saw nothing the proxy did not forward: the gateway lookup, the commands, the
                // reply, its edits and the upload all went through it.
                let forwarded = proxy.stderr.split(separator: "\n").map(String.init)
                #expect(forwarded.contains("GET /api/v10/gateway/bot 200"))
                #expect(forwarded.contains("POST /api/v10/channels/10/messages 200"))
                #expect(forwarded.count == discord.rest.requests.count)
                #expect(
                    discord.rest.requests.allSatisfy {
                        $0.headers["authorization"] == "Bot \(BotHarness.token)"
                    })
            }
        }
    }
}
