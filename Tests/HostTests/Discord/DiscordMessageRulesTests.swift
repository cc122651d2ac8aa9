import BossBot
import BossDiscord
import Foundation
import Logging
import TestSupport
import Testing

/// What Discord's API checks in a message, through the real REST client against the strict fake:
/// the length in code points, attachment ids as strings, and rate-limit waits however odd.
@Suite("Discord message rules")
struct DiscordMessageRulesTests {
    func rest(_ discord: FakeDiscord) -> DiscordREST {
        DiscordREST(
            baseURL: discord.apiURL, token: "rules-token-123456", logger: Logger(label: "rules-test"),
            retryBase: .milliseconds(20), maxRateLimitWait: .milliseconds(300))
    }

    @Test("text over 2000 code points is clipped to 2000, on a grapheme boundary, however few graphemes")
    func clippedByCodePoints() async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            let replies = ReplyClient(rest: rest(discord))
            let target = ReplyTarget.message(channel: "71", message: "1")
            let thumbs = String(repeating: "👍🏽", count: 1500)  // 1500 graphemes, 3000 code points
            _ = try await replies.post(near: target, replyTo: nil, thumbs, nonce: "clip-1")
            let exact = String(repeating: "a", count: 1998) + "👍🏽"  // 2000 code points: kept whole
            _ = try await replies.post(near: target, replyTo: nil, exact, nonce: "clip-2")
            let sent = discord.rest.messages.map(\.content)
            #expect(sent.count == 2)
            let clipped = try #require(sent.first)
            #expect(clipped.unicodeScalars.count <= 2000 && clipped.unicodeScalars.count >= 1998)
            #expect(clipped.hasSuffix("…") && clipped.dropLast().allSatisfy { $0 == "👍🏽" })
            #expect(sent.last == exact)
        }
    }

    @Test("attachment ids in payload_json are strings, as Discord's spec types snowflakes")
    func attachmentIDsAreStrings() async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            try await withTemporaryFolder(prefix: "boss-upload") { folder in
                let path = folder.file("ids.png")
                _ = FileManager.default.createFile(atPath: path, contents: Data(CLIHarness.png))
                let files = [
                    UploadFile(name: "a.png", path: path, size: Int64(CLIHarness.png.count)),
                    UploadFile(name: "b.png", path: path, size: Int64(CLIHarness.png.count)),
                ]
                _ = try await ReplyClient(rest: rest(discord)).post(
                    near: .message(channel: "72", message: "1"), replyTo: nil, "two", files: files,
                    nonce: "ids")
                let message = try #require(discord.rest.messages.first)
                let attachments = try #require(message.payload["attachments"] as? [[String: Any]])
                #expect(attachments.map { $0["id"] as? String } == ["0", "1"])
                #expect(message.attachments.map(\.name) == ["a.png", "b.png"])
            }
        }
    }

    @Test(
        "a huge, infinite, NaN or negative retry_after neither traps nor blocks: the wait is bounded",
        arguments: [
            FakeREST.ScriptedAnswer.rateLimited(retryAfter: 1e300, global: false),
            .rateLimited(retryAfter: 1e300, global: true), .rateLimitedByHeader(retryAfter: "inf"),
            .rateLimitedByHeader(retryAfter: "nan"), .rateLimitedByHeader(retryAfter: "-3"),
            .rateLimitedByHeader(retryAfter: "1e300"),
        ])
    func oddRetryAfter(_ answer: FakeREST.ScriptedAnswer) async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            discord.rest.script(pathContains: "/channels/73/messages", answer)
            let started = ContinuousClock.now
            let posted = try await rest(discord).call(
                .createMessage(channel: "73"), .json(Array(#"{"content":"after"}"#.utf8)),
                as: PostedMessage.self)
            #expect(posted.content == "after")
            #expect(discord.rest.requests.filter { $0.path == "/channels/73/messages" }.count == 2)
            // The client's cap is 300 ms; the default (600 s) or no cap at all would be far past this, even
            // on a loaded machine.
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }
}
