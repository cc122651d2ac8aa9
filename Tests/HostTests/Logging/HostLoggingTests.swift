import Foundation
import TestSupport
import Testing

/// `boss-host run` logs through the host's handler: BOSS_LOG_FORMAT and BOSS_LOG_FILE are honoured.
@Suite("Host logging", .serialized)
struct HostLoggingTests {
    @Test("BOSS_LOG_FORMAT=json gives one JSON object per line on stderr and in BOSS_LOG_FILE, no token")
    func jsonToFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("boss-\(UUID()).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let harness = try await BotHarness.start(["BOSS_LOG_FORMAT": "json", "BOSS_LOG_FILE": path])
        harness.say("$ping", id: "8101")
        _ = await harness.reply(to: "8101")
        await harness.stop()
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
