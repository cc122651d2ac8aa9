import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Reddit plugin: images, galleries, crossposts and link posts end to end through the host")
struct RedditExtractionTests {
    static func post(_ id: String) -> String { "https://www.reddit.com/r/x/comments/\(id)/t/" }

    @Test("an image post: the file, and the post's metadata")
    func image() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            let result = try await harness.redditRuntime().extract(Self.post("abc123"))
            #expect(result.pluginID == "reddit" && result.files.map(\.type) == [.jpeg])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.jpeg(3))
            #expect(result.metadata.title == "My kitten discovered the sink" && !result.metadata.isNSFW)
            #expect(result.metadata.author == "cat_person")
            #expect(
                result.metadata.sourceURL
                    == "https://www.reddit.com/r/aww/comments/abc123/my_kitten_discovered_the_sink/")
            #expect(harness.server.hits("/preview/kitten.jpg") == 0)
        }
    }

    @Test("a gallery: every item in the gallery's order (not the metadata's), failed items skipped")
    func gallery() async throws {
        try await withHarness(ExtractionHarness.with(product: "RedditExtractor")) { harness in
            try harness.serve(cassette: "reddit_gallery", at: "/comments/gal001.json")
            let gif = MediaSamples.gif89a + [1, 0, 1, 0, 0, 0, 0] + [UInt8](repeating: 7, count: 300)
            harness.server.setRoute("/preview/m1.jpg", .bytes(MediaFixtures.jpeg(1)))
            harness.server.setRoute("/preview/m2.png", .bytes(MediaFixtures.png(2)))
            harness.server.setRoute("/preview/m3.gif", .bytes(gif))
            let result = try await harness.redditRuntime().extract("https://www.reddit.com/gallery/gal001")
            #expect(result.files.map(\.type) == [.png, .jpeg, .gif])
            #expect(try MediaFixtures.bytes(result.files[0].path) == MediaFixtures.png(2))
            #expect(try MediaFixtures.bytes(result.files[1].path) == MediaFixtures.jpeg(1))
            #expect(try MediaFixtures.bytes(result.files[2].path) == gif)
            #expect(harness.server.hits("/preview/m1.jpg?width=1024&format=pjpg&auto=webp&s=abc") == 1)
            #expect(result.metadata.isNSFW && result.metadata.author == "traveller")
        }
    }

    @Test("a crosspost downloads the original's media; NSFW follows the original")
    func crosspost() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            try harness.serve(cassette: "reddit_crosspost", at: "/comments/xp0001.json")
            let result = try await harness.redditRuntime().extract(Self.post("xp0001"))
            #expect(result.files.map(\.type) == [.jpeg] && result.metadata.isNSFW)
            #expect(
                result.metadata.title == "Crossposting this kitten" && result.metadata.author == "reposter")
        }
    }

    @Test("a link to another site is handed to the plugin that claims it")
    func linkPost() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            try harness.installDirectPlugin()
            try harness.serve(cassette: "reddit_link", at: "/comments/lnk001.json")
            let result = try await harness.redditRuntime().extract(Self.post("lnk001"))
            #expect(result.route == ["reddit", "direct"] && result.files.map(\.type) == [.png])
            #expect(try MediaFixtures.bytes(result.files[0].path) == ExtractionHarness.png)
            #expect(harness.server.hits("/preview/wrong.jpg") == 0)
        }
    }
}
