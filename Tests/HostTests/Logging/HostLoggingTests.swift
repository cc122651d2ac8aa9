import Foundation
import TestSupport
import Testing

/// `boss-host run` logs through the host's handler: BOSS_LOG_FORMAT and BOSS_LOG_FILE are honoured.
@Suite("Host logging", .serialized)
struct HostLoggingTests {
    @Test("BOSS_LOG_FORMAT=json gives one JSON object per line on stderr and in BOSS_LOG_FILE, no token")
    func jsonToFile() async throws {
        try await withTemporaryFolder(prefix: "boss-log") { folder in
            let path = folder.file("host.log")
            let harness = try await withHarness(
                BotHarness.start(["BOSS_LOG_FORMAT": "json", "BOSS_LOG_FILE": path])
            ) { harness in
                harness.say("$ping", id: "8101")
                _ = await harness.reply(to: "8101")
                return harness
            }
            let fileLines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            let errLines = harness.bot.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }
            #expect(fileLines.count > 3)
            #expect(errLines.count >= fileLines.count)
            for line in fileLines {
                let object = try #require(
                    try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
                #expect(object["level"] is String && object["message"] is String && object["time"] is String)
            }
            #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains(BotHarness.token))
        }
    }

    @Test("plugin settings that name a secret, and credentials inside URLs, never reach the log")
    func pluginSecretsAndURLCredentials() async throws {
        let secret = "plugin-api-key-VALUE-98765"
        let harness = try await withHarness(
            BotHarness.start([
                "BOSS_PLUGIN_DIRECT_API_KEY": secret,
                "BOSS_PLUGIN_DIRECT_SESSION_COOKIE": "sid=cookie-value-4242",
                "BOSS_PLUGIN_DIRECT_REGION": "region-eu-west-1",
            ])
        ) { harness in
            let withCredentials = harness.media.url("/gone.png").replacingOccurrences(
                of: "http://", with: "http://alice:pw-hunter2-xyz@")
            let url = withCredentials + "?key=\(secret)&c=sid=cookie-value-4242&r=region-eu-west-1"
            harness.say("$dl \(url)", id: "8151")
            _ = await harness.reply(to: "8151") { $0.content.hasPrefix("❌") }
            return harness
        }
        let log = harness.bot.stderr
        #expect(log.contains("failed"), "the job's failure (with its URL) was logged:\n\(log)")
        #expect(
            !log.contains(secret) && !log.contains("cookie-value-4242") && !log.contains("pw-hunter2-xyz"))
        #expect(log.contains("http://<redacted>@127.0.0.1"))
        #expect(log.contains("region-eu-west-1"), "a setting that names no secret is kept")
    }

    @Test("a plugin's error detail quoting its credentials reaches neither the user nor the log with them")
    func secretsInErrorDetail() async throws {
        let secret = "behaviour-key-SECRET-31337"
        let (harness, reply) = try await withHarness(
            BotHarness.start(["BOSS_PLUGIN_BEHAVIOUR_API_KEY": secret], plugins: ["behaviour_plugin.c"])
        ) { harness in
            harness.say("$dl \(harness.media.url("/secret/x"))", id: "8161")
            return (harness, await harness.reply(to: "8161") { $0.content.hasPrefix("❌") })
        }
        // What Discord shows: the markdown escapes gone.
        let shown = try #require(reply?.content, "no failure reply; log:\n\(harness.bot.stderr)")
            .replacingOccurrences(of: "\\", with: "")
        #expect(
            shown.contains("The API refused key <redacted> at https://<redacted>@api.example/x."), "\(shown)")
        #expect(!shown.contains(secret) && !shown.contains("pw-secret-77"), "\(shown)")
        #expect(!harness.bot.stderr.contains(secret) && !harness.bot.stderr.contains("pw-secret-77"))
    }
}
