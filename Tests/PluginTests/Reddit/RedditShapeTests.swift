import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Reddit plugin: real post shapes (unfinished uploads, older videos, linked GIFs)")
struct RedditShapeTests {
    static func post(_ id: String) -> String { "https://www.reddit.com/r/x/comments/\(id)/t/" }

    @Test("a video Reddit is still processing says so and asks for a retry")
    func processingVideo() async throws {
        try await withHarness(ExtractionHarness.with(product: "RedditExtractor")) { harness in
            try harness.serve(cassette: "reddit_video_processing", at: "/comments/prc001.json")
            let failure = await harness.failure(try harness.redditRuntime(), Self.post("prc001"))
            #expect(failure.status == BOSS_ERR_UPSTREAM, "\(failure)")
            #expect(failure.detail == "This video is still processing on Reddit; try again in a minute.")
            #expect(harness.server.hits("/comments/prc001.json?raw_json=1") == 1)
        }
    }

    @Test("a gallery whose items are all still processing says so")
    func processingGallery() async throws {
        try await withHarness(ExtractionHarness.with(product: "RedditExtractor")) { harness in
            try harness.serve(cassette: "reddit_gallery_processing", at: "/comments/gpr001.json")
            let failure = await harness.failure(
                try harness.redditRuntime(), "https://www.reddit.com/gallery/gpr001")
            #expect(failure.status == BOSS_ERR_UPSTREAM, "\(failure)")
            #expect(failure.detail == "This gallery is still processing on Reddit; try again in a minute.")
        }
    }

    @Test("an older video (DASH names without .mp4, audio at <id>/audio) is merged with its sound")
    func legacyVideoWithAudio() async throws {
        let ffmpeg = try #require(MediaFixtures.ffmpeg, "ffmpeg is not installed: run `make deps`")
        try await withHarness(ExtractionHarness.with(product: "RedditExtractor")) { harness in
            try harness.serve(cassette: "reddit_video_legacy", at: "/comments/old001.json")
            let video = harness.root + "/v.mp4"
            let audio = harness.root + "/a.mp4"
            let source = ["-v", "error", "-f", "lavfi", "-i"]
            _ = try MediaFixtures.run(
                ffmpeg, source + ["testsrc=duration=1:size=64x64", "-pix_fmt", "yuv420p", video])
            _ = try MediaFixtures.run(ffmpeg, source + ["sine=duration=1", "-c:a", "aac", audio])
            harness.server.setRoute("/old001/DASH_2_4_M", .file(path: video))
            harness.server.setRoute("/old001/audio", .file(path: audio))
            let result = try await harness.redditRuntime().extract(Self.post("old001"))
            let file = try #require(result.files.first)
            #expect(result.files.count == 1 && file.type == .mp4)
            #expect(try MediaFixtures.streamKinds(file.path, ffmpeg: ffmpeg) == ["audio", "video"])
            #expect(harness.server.hits("/old001/DASH_AUDIO_128.mp4") == 0 && result.metadata.notes.isEmpty)
        }
    }

    @Test("a link to an imgur .gifv is delivered as Reddit's MP4 preview of it")
    func gifvLinkUsesPreview() async throws {
        try await withHarness(ExtractionHarness.with(product: "RedditExtractor")) { harness in
            try harness.serve(cassette: "reddit_gifv", at: "/comments/gfv001.json")
            harness.server.setRoute("/gfvpreview/DASH_480.mp4", .bytes(MediaFixtures.mp4(3)))
            let result = try await harness.redditRuntime().extract(Self.post("gfv001"))
            #expect(result.route == ["reddit"] && result.files.map(\.type) == [.mp4])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.mp4(3))
            #expect(harness.server.hits("/preview/gfv001.jpg") == 0)
            #expect(result.metadata.title == "This dog has figured out doors")
        }
    }

    @Test("a link straight to a media file still goes to the plugin that claims it, preview or not")
    func directLinkBeatsPreview() async throws {
        try await withHarness(ExtractionHarness.with(product: "RedditExtractor")) { harness in
            try harness.installDirectPlugin()
            let post = try MediaFixtures.cassette("reddit_gifv", media: harness.base).replacingOccurrences(
                of: "https://i.imgur.com/Zb3kQ7p.gifv", with: harness.base + "/media/clip.mp4")
            harness.server.setRoute("/comments/gfv002.json", .json(post))
            harness.server.setRoute("/media/clip.mp4", .bytes(MediaFixtures.mp4(9)))
            let result = try await harness.redditRuntime().extract(Self.post("gfv002"))
            #expect(result.route == ["reddit", "direct"] && result.files.map(\.type) == [.mp4])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.mp4(9))
            #expect(harness.server.hits("/gfvpreview/DASH_480.mp4") == 0)
        }
    }
}
