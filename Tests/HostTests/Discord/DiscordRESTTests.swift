import BossDiscord
import Foundation
import Logging
import TestSupport
import Testing

/// The REST client against the fake Discord over real sockets (libcurl).
@Suite("Discord REST")
struct DiscordRESTTests {
    static let token = "rest-token-xyz.123"

    struct Created: Codable {
        var content: String
        var nonce: String?
        var enforceNonce: Bool?
    }

    func client(_ discord: FakeDiscord) -> DiscordREST {
        DiscordREST(
            baseURL: discord.apiURL, token: Self.token, logger: Logger(label: "rest-test"),
            retryBase: .milliseconds(20))
    }

    @Test("sends the bot token and Discord's User-Agent, and decodes the answer")
    func headersAndDecoding() async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            let info = try await client(discord).call(.gatewayBot, as: GatewayBotInfo.self)
            #expect(info.url.hasPrefix("ws://127.0.0.1:"))
            #expect(info.sessionStartLimit.remaining == 999)
            let headers = try #require(discord.rest.requests.first?.headers)
            #expect(headers["authorization"] == "Bot \(Self.token)")
            #expect(headers["user-agent"]?.hasPrefix("DiscordBot (https://") == true)
        }
    }

    @Test("a route 429 is waited out and the message is posted exactly once")
    func routeRateLimit() async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            discord.rest.rateLimitNext(pathContains: "/channels/7/messages", retryAfter: 0.3)
            let posted = try await client(discord).call(
                .createMessage(channel: "7"), json: Created(content: "hi"), as: PostedMessage.self)
            #expect(posted.content == "hi")
            #expect(discord.rest.messages.count == 1)
            let attempts = discord.rest.requests.filter { $0.path == "/channels/7/messages" }
            #expect(attempts.count == 2)
            #expect(attempts[1].at - attempts[0].at >= .milliseconds(300))
        }
    }

    @Test("a global 429 holds back requests on every route")
    func globalRateLimit() async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            let rest = client(discord)
            discord.rest.rateLimitNext(pathContains: "/channels/1/messages", retryAfter: 0.4, global: true)
            _ = try await rest.call(
                .createMessage(channel: "1"), json: Created(content: "a"), as: PostedMessage.self)
            let limitedAt = try #require(discord.rest.requests.first?.at)
            _ = try await rest.call(
                .createMessage(channel: "2"), json: Created(content: "b"), as: PostedMessage.self)
            let other = try #require(discord.rest.requests.last)
            #expect(other.path == "/channels/2/messages")
            #expect(other.at - limitedAt >= .milliseconds(400))
            #expect(discord.rest.messages.map(\.content) == ["a", "b"])
        }
    }

    @Test("a lost answer is retried with the same nonce and Discord keeps one message")
    func nonceMakesRetriesSafe() async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            discord.rest.script(pathContains: "/channels/3/messages", .failAfterWork)
            let body = Created(content: "once", nonce: "n-1", enforceNonce: true)
            _ = try await client(discord).call(
                .createMessage(channel: "3"), json: body, as: PostedMessage.self)
            #expect(discord.rest.requests.count == 2)
            #expect(discord.rest.messages.count == 1)
        }
    }

    @Test("attachments are uploaded as multipart, byte for byte")
    func multipartUpload() async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try await withTemporaryFolder(prefix: "boss-upload") { folder in
                let path = folder.file("upload.bin")
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                let payload = Array(
                    #"{"content":"files","attachments":[{"id":"0","filename":"clip.mp4"}]}"#.utf8)
                let upload = UploadFile(name: "clip.mp4", path: path, size: Int64(bytes.count))
                let posted = try await client(discord).call(
                    .createMessage(channel: "4"), .multipart(payloadJSON: payload, files: [upload]),
                    as: PostedMessage.self)
                #expect(posted.attachments?.first?.filename == "clip.mp4")
                let stored = try #require(discord.rest.messages.first)
                #expect(stored.content == "files")
                #expect(stored.attachments.first?.bytes.elementsEqual(bytes) == true, "uploaded bytes differ")
            }
        }
    }

    @Test("an upload over the limit is a payload-too-large error; a 5xx is retried")
    func uploadLimitAndServerErrors() async throws {
        try await withHarness(FakeDiscord.start()) { discord in
            discord.rest.uploadLimit.store(1000, ordering: .relaxed)
            try await withTemporaryFolder(prefix: "boss-upload") { folder in
                let path = folder.file("big.bin")
                _ = FileManager.default.createFile(atPath: path, contents: Data(count: 5000))
                let upload = UploadFile(name: "big.bin", path: path, size: 5000)
                do throws(DiscordRESTError) {
                    try await client(discord).call(
                        .createMessage(channel: "5"), .multipart(payloadJSON: [], files: [upload]))
                    Issue.record("an upload over the limit was accepted")
                } catch {
                    #expect(error.isPayloadTooLarge)
                }
                discord.rest.script(pathContains: "/channels/6/messages", .status(502))
                _ = try await client(discord).call(
                    .createMessage(channel: "6"), json: Created(content: "ok"), as: PostedMessage.self)
                #expect(discord.rest.messages.map(\.content) == ["ok"])
            }
        }
    }
}
