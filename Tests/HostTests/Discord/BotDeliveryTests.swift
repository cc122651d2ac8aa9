import Foundation
import TestSupport
import Testing

/// Delivery paths of the real bot: progress edits and cancellation, a full queue, Discord refusing an
/// upload (413), and a video re-encoded to fit the upload limit.
@Suite("Bot delivery", .serialized)
struct BotDeliveryTests {
    static let slowMP4 = MediaSamples.mp4 + [UInt8](repeating: 3, count: 2 << 20)

    @Test("a running download's reply shows progress, and `cancel` stops it")
    func progressThenCancel() async throws {
        let route = TestRoute.slow(bytes: Self.slowMP4, chunkSize: 16_384, delay: .milliseconds(50))
        try await withHarness(BotHarness.start(media: ["/slow.mp4": route])) { harness in
            harness.say("$dl \(harness.media.url("/slow.mp4"))", id: "8001")
            let progress = await harness.reply(to: "8001") { $0.content.contains("MB/s") }
            let reply = try #require(progress, "no progress edit; log:\n\(harness.bot.stderr)")
            let job = try #require(
                reply.content.split(separator: "#").dropFirst().first?.prefix { $0.isNumber })
            harness.say("$cancel \(job)", id: "8002")
            #expect(await harness.reply(to: "8002")?.content.contains("Cancelling #\(job)") == true)
            #expect(await harness.reply(to: "8001") { $0.content.contains("Cancelled") } != nil)
        }
    }

    @Test("a full queue is refused with a clear message")
    func queueFull() async throws {
        let route = TestRoute.slow(bytes: Self.slowMP4, chunkSize: 16_384, delay: .milliseconds(50))
        try await withHarness(
            BotHarness.start(
                ["BOSS_MAX_CONCURRENT": "1", "BOSS_MAX_QUEUE": "1"],
                media: ["/a.mp4": route, "/b.mp4": route, "/c.mp4": route])
        ) { harness in
            for (index, name) in ["a", "b", "c"].enumerated() {
                harness.say("$dl \(harness.media.url("/\(name).mp4"))", id: "810\(index)")
                #expect(await harness.reply(to: "810\(index)") != nil)
            }
            let refused = await harness.reply(to: "8102") { $0.content.contains("full") }
            #expect(refused?.content.contains("❌") == true)
        }
    }

    @Test("a failed download says why and what the user can do")
    func failureAdvice() async throws {
        try await withHarness(BotHarness.start()) { harness in
            harness.say("$dl \(harness.media.url("/gone.png"))", id: "8401")
            let message = try #require(await harness.reply(to: "8401") { $0.content.hasPrefix("❌") })
            #expect(message.content.contains("Check that the link is right"))
        }
    }

    @Test("a 413 from Discord is handled like the upload limit: the user is told")
    func discordRefusesTheUpload() async throws {
        let png = CLIHarness.png
        try await withHarness(BotHarness.start(media: ["/cat.png": .bytes(png, contentType: "image/png")])) {
            harness in
            harness.discord.rest.uploadLimit.store(100_000, ordering: .relaxed)
            harness.say("$dl \(harness.media.url("/cat.png"))", id: "8201")
            let message = try #require(await harness.reply(to: "8201") { $0.content.contains("refused") })
            #expect(message.content.contains("too large for this channel"))
            #expect(message.attachments.isEmpty)
        }
    }

    @Test("a video over the upload limit is re-encoded with ffmpeg to fit")
    func videoReencoded() async throws {
        let video = try Self.makeVideo(seconds: 4, bitrate: "6M")
        #expect(video.count > 1_048_576, "the test video must start over the 1 MB limit")
        try await withHarness(
            BotHarness.start(
                ["BOSS_UPLOAD_LIMIT_MB": "1"], media: ["/clip.mp4": .bytes(video, contentType: "video/mp4")])
        ) { harness in
            harness.say("$dl \(harness.media.url("/clip.mp4"))", id: "8301")
            let found = await harness.reply(to: "8301") {
                !$0.attachments.isEmpty || $0.content.contains("⚠️")
            }
            let message = try #require(found, "no answer; log:\n\(harness.bot.stderr)")
            #expect(message.content.contains("re-encoded"))
            let attachment = try #require(message.attachments.first)
            #expect(attachment.bytes.count <= 1_048_576)
            #expect(attachment.name.hasSuffix(".mp4"))
        }
    }

    /// A real H.264 video made by ffmpeg (the bot's host needs ffmpeg anyway: `make deps` installs it).
    static func makeVideo(seconds: Int, bitrate: String) throws -> [UInt8] {
        return try withTemporaryFolder(prefix: "boss-video") { folder in
            let path = folder.file("clip.mp4")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-t",
                "\(seconds)",
                "-c:v", "libx264", "-b:v", bitrate, "-pix_fmt", "yuv420p", path,
            ]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }
}
