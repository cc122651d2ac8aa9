import Foundation
import TestSupport
import Testing

@Suite("A spoilered link stays behind spoiler bars in every reply about it", .serialized)
struct SpoilerReplyTests {
    @Test("the queued reply and the failure keep ||<url>||; the link never shows bare")
    func spoilerKept() async throws {
        try await withHarness(BotHarness.start()) { harness in
            let url = harness.media.url("/gone.png")
            harness.say("$dl ||\(url)||", id: "9301")
            let reply = await harness.reply(to: "9301") { $0.content.hasPrefix("❌") }
            let content = try #require(reply?.content, "no failure reply; log:\n\(harness.bot.stderr)")
            #expect(content.contains("||<\(url)>||"), "\(content)")
            #expect(!content.replacingOccurrences(of: "||<\(url)>||", with: "").contains(url), "\(content)")
        }
    }
}
