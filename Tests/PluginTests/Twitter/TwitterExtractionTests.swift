import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Twitter plugin: photos, videos and GIFs end to end through the host")
struct TwitterExtractionTests {
    static let photosURL = "https://x.com/bossbot_test/status/1628832338187636740"

    func photosHarness() async throws -> ExtractionHarness {
        try await ExtractionHarness.with(product: "TwitterExtractor").configured { harness in
            try harness.serve(cassette: "twitter_photos", at: "/tweet-result")
            harness.server.setRoute("/media/FpAAA111.jpg", .bytes(MediaFixtures.jpeg(1)))
            harness.server.setRoute("/media/FpBBB222.png", .bytes(MediaFixtures.png(2)))
        }
    }

    @Test("every photo in order, original size, with the tweet's metadata")
    func photos() async throws {
        try await withHarness(photosHarness()) { harness in
            let result = try await harness.twitterRuntime().extract(Self.photosURL)
            #expect(result.pluginID == "twitter" && result.files.map(\.type) == [.jpeg, .png])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.jpeg(1))
            #expect(try MediaFixtures.bytes(result.files[1].path) == MediaFixtures.png(2))
            #expect(harness.server.hits("/media/FpAAA111.jpg?name=orig") == 1)
            #expect(harness.server.hits("/tweet-result?id=1628832338187636740&token=3y54libozsy") == 1)
            let title = try #require(result.metadata.title)
            #expect(title.count <= 200 && title.hasPrefix("Two photos from the harbour"))
            #expect(result.metadata.author == "bossbot_test" && result.metadata.isNSFW)
            #expect(result.metadata.sourceURL == "https://x.com/bossbot_test/status/1628832338187636740")
        }
    }

    @Test("/photo/2 downloads only the second item")
    func selectedPhoto() async throws {
        try await withHarness(photosHarness()) { harness in
            let result = try await harness.twitterRuntime().extract(Self.photosURL + "/photo/2")
            #expect(result.files.map(\.type) == [.png] && harness.server.hits("/media/FpAAA111.jpg") == 0)
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.png(2))
        }
    }

    @Test("a video: the best MP4 under the size limit, found without downloading the larger one")
    func videoFallback() async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            try harness.serve(cassette: "twitter_video", at: "/tweet-result")
            let big = MediaFixtures.mp4(9)
            harness.server.setRoute("/video/1280x720/launch.mp4", .generated(size: 2_000_000, prefix: big))
            harness.server.setRoute("/video/640x360/launch.mp4", .bytes(MediaFixtures.mp4(2)))
            harness.server.setRoute("/video/480x270/launch.mp4", .bytes(MediaFixtures.mp4(3)))
            let result = try await harness.twitterRuntime().extract(
                "https://twitter.com/rocketclub/status/463440424141459456")
            #expect(result.files.map(\.type) == [.mp4])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.mp4(2))
            #expect(harness.server.hits("/video/480x270/launch.mp4") == 0)
            #expect(result.metadata.title == "Launch day!" && !result.metadata.isNSFW)
        }
    }

    @Test("a variant served without a length is found too large while streaming; the next one is used")
    func videoFallbackWhileStreaming() async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            try harness.serve(cassette: "twitter_video", at: "/tweet-result")
            let big = TestRoute.unsized(size: 2_000_000, prefix: MediaFixtures.mp4(9))
            harness.server.setRoute("/video/1280x720/launch.mp4", big)
            harness.server.setRoute("/video/640x360/launch.mp4", .bytes(MediaFixtures.mp4(2)))
            let result = try await harness.twitterRuntime().extract(
                "https://twitter.com/rocketclub/status/463440424141459456")
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.mp4(2))
            #expect(result.files.count == 1 && harness.server.hits("/video/1280x720/launch.mp4") == 2)
        }
    }

    @Test("every variant over the limit: TOO_LARGE with an explanation")
    func videoTooLarge() async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            try harness.serve(cassette: "twitter_video", at: "/tweet-result")
            for size in ["1280x720", "640x360", "480x270"] {
                let route = TestRoute.generated(size: 1_500_000, prefix: MediaFixtures.mp4(1))
                harness.server.setRoute("/video/\(size)/launch.mp4", route)
            }
            let failure = await harness.failure(
                try harness.twitterRuntime(), "https://x.com/rocketclub/status/463440424141459456")
            #expect(failure.status == BOSS_ERR_TOO_LARGE && failure.detail.contains("size limit"))
        }
    }

    @Test("a photo then a GIF, in the tweet's order")
    func mixed() async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            try harness.serve(cassette: "twitter_mixed", at: "/tweet-result")
            harness.server.setRoute("/media/Mix1.jpg", .bytes(MediaFixtures.jpeg(5)))
            harness.server.setRoute("/tweet_video/Gif1.mp4", .bytes(MediaFixtures.mp4(6)))
            let result = try await harness.twitterRuntime().extract("https://x.com/jack/status/20")
            #expect(result.files.map(\.type) == [.jpeg, .mp4])
            #expect(try MediaFixtures.bytes(result.files[1].path) == MediaFixtures.mp4(6))
            #expect(result.metadata.author == "jack" && !result.metadata.isNSFW)
        }
    }
}
