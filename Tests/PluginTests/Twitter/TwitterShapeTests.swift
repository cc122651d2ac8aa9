import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Twitter plugin: real tweet shapes (quotes, X Articles, GIFs, escaped text)")
struct TwitterShapeTests {
    func harness(_ cassette: String) async throws -> ExtractionHarness {
        try await ExtractionHarness.with(product: "TwitterExtractor").configured {
            try $0.serve(cassette: cassette, at: "/tweet-result")
        }
    }

    @Test("a tweet without media that quotes one with media delivers the quoted media, with a note")
    func quotedMedia() async throws {
        try await withHarness(harness("twitter_quote")) { harness in
            harness.server.setRoute("/media/Aurora01.jpg", .bytes(MediaFixtures.jpeg(4)))
            let result = try await harness.twitterRuntime().extract(
                "https://x.com/quoter/status/1785990000000000001")
            #expect(result.files.map(\.type) == [.jpeg])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.jpeg(4))
            #expect(harness.server.hits("/media/Aurora01.jpg?name=orig") == 1)
            #expect(result.metadata.notes == ["From the quoted tweet by @skyphotos."])
            #expect(
                result.metadata.title == "this is the one I meant 👇" && result.metadata.author == "quoter")
        }
    }

    @Test("an X Article delivers its cover image, titled with the article's title")
    func articleCover() async throws {
        try await withHarness(harness("twitter_article")) { harness in
            harness.server.setRoute("/media/Cover01.jpg", .bytes(MediaFixtures.jpeg(8)))
            let result = try await harness.twitterRuntime().extract(
                "https://x.com/longreads/status/1879000000000000001")
            #expect(result.files.map(\.type) == [.jpeg])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.jpeg(8))
            #expect(result.metadata.title == "How we rebuilt the harbour")
            #expect(result.metadata.sourceURL == "https://x.com/longreads/status/1879000000000000001")
        }
    }

    @Test("an animated GIF is delivered as its MP4, never as the still thumbnail")
    func animatedGIF() async throws {
        try await withHarness(harness("twitter_gif")) { harness in
            harness.server.setRoute("/tweet_video/F5mGif01.mp4", .bytes(MediaFixtures.mp4(6)))
            harness.server.setRoute("/tweet_video_thumb/F5mGif01.jpg", .bytes(MediaFixtures.jpeg(6)))
            let result = try await harness.twitterRuntime().extract(
                "https://x.com/gifmaker/status/1700450000000000000")
            #expect(result.files.map(\.type) == [.mp4] && result.files[0].path.hasSuffix(".mp4"))
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.mp4(6))
            #expect(harness.server.hits("/tweet_video_thumb/F5mGif01.jpg") == 0)
        }
    }

    @Test("HTML-escaped tweet text is unescaped once before it becomes the title")
    func escapedText() async throws {
        try await withHarness(harness("twitter_escaped")) { harness in
            harness.server.setRoute("/media/FpAAA111.jpg", .bytes(MediaFixtures.jpeg(1)))
            let result = try await harness.twitterRuntime().extract(
                "https://x.com/bossbot_test/status/1628832338187636741")
            #expect(result.files.map(\.type) == [.jpeg])
            #expect(
                result.metadata.title == #"Tom & Jerry said "x < y > z" &amp; it's fine https://t.co/AbCdEf"#)
        }
    }
}
