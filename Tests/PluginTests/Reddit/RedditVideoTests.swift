import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Reddit plugin: hosted videos, with their audio merged by ffmpeg when it is there")
struct RedditVideoTests {
    static let url = "https://www.reddit.com/r/videos/comments/vid001/rocket_launch/"

    func harness() async throws -> ExtractionHarness {
        try await ExtractionHarness.with(product: "RedditExtractor").configured {
            try $0.serve(cassette: "reddit_video", at: "/comments/vid001.json")
        }
    }

    @Test(
        "video and audio are merged into one MP4 with both streams",
        arguments: ["DASH_AUDIO_128.mp4", "DASH_audio.mp4"])
    func merged(audioName: String) async throws {
        let ffmpeg = try #require(MediaFixtures.ffmpeg, "ffmpeg is not installed: run `make deps`")
        try await withHarness(harness()) { harness in
            let video = harness.root + "/v.mp4"
            let audio = harness.root + "/a.mp4"
            _ = try MediaFixtures.run(
                ffmpeg,
                [
                    "-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=10", "-t", "1", "-c:v",
                    "mpeg4",
                    video,
                ])
            _ = try MediaFixtures.run(
                ffmpeg,
                ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", audio])
            harness.server.setRoute("/vid001/DASH_720.mp4", .file(path: video))
            harness.server.setRoute("/vid001/\(audioName)", .file(path: audio))
            let result = try await harness.redditRuntime().extract(Self.url)
            let file = try #require(result.files.first)
            #expect(result.files.count == 1 && file.type == .mp4)
            #expect(try MediaFixtures.streamKinds(file.path, ffmpeg: ffmpeg) == ["audio", "video"])
            #expect(result.metadata.title == "Rocket launch from my balcony")
        }
    }

    @Test("no audio track: the video alone, after probing both audio names")
    func withoutAudio() async throws {
        try await withHarness(harness()) { harness in
            harness.server.setRoute("/vid001/DASH_720.mp4", .bytes(MediaFixtures.mp4(4)))
            let result = try await harness.redditRuntime().extract(Self.url)
            #expect(result.files.map(\.type) == [.mp4])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.mp4(4))
            #expect(harness.server.hits("/vid001/DASH_AUDIO_128.mp4") == 1)
            #expect(harness.server.hits("/vid001/DASH_audio.mp4") == 1)
            #expect(harness.server.hits("/vid001/DASH_720.mp4?source=fallback") == 1)
            #expect(result.metadata.notes == ["The video has no sound: the post has no audio track."])
        }
    }

    @Test("a dry run plans the video and downloads nothing, audio or not")
    func dryRun() async throws {
        try await withHarness(harness()) { harness in
            harness.server.setRoute("/vid001/DASH_AUDIO_128.mp4", .bytes(MediaFixtures.mp4(6)))
            let result = try await harness.redditRuntime().extract(Self.url, dryRun: true)
            let video = harness.base + "/vid001/DASH_720.mp4?source=fallback"
            #expect(result.planned == [PlannedDownload(url: video, suggestedName: "vid001")])
            #expect(harness.server.hits("/vid001/DASH_720.mp4") == 0)
        }
    }

    @Test("audio present but no ffmpeg: the video alone, the audio never downloaded")
    func withoutFFmpeg() async throws {
        try await withHarness(harness()) { harness in
            harness.server.setRoute("/vid001/DASH_720.mp4", .bytes(MediaFixtures.mp4(5)))
            harness.server.setRoute("/vid001/DASH_AUDIO_128.mp4", .bytes(MediaFixtures.mp4(6)))
            let runtime = try harness.redditRuntime(ffmpeg: harness.root + "/no-such-ffmpeg")
            let result = try await runtime.extract(Self.url)
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.mp4(5))
            #expect(result.files.count == 1 && harness.server.hits("/vid001/DASH_AUDIO_128.mp4") == 1)
            #expect(result.metadata.notes.first?.contains("without sound") == true)
        }
    }

    @Test(
        "ffmpeg failing on broken streams: the video alone, still delivered", )
    func ffmpegFails() async throws {
        let ffmpeg = try #require(MediaFixtures.ffmpeg, "ffmpeg is not installed: run `make deps`")
        try await withHarness(harness()) { harness in
            harness.server.setRoute("/vid001/DASH_720.mp4", .bytes(MediaFixtures.mp4(7)))
            harness.server.setRoute("/vid001/DASH_AUDIO_128.mp4", .bytes(MediaFixtures.mp4(8)))
            let result = try await harness.redditRuntime(ffmpeg: ffmpeg).extract(Self.url)
            #expect(result.files.count == 1)
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.mp4(7))
        }
    }
}
