import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Reddit plugin: which links it claims, and how short links resolve")
struct RedditRoutingTests {
    /// Post links that all lead to post abc123 (served from the image cassette).
    static let postLinks = [
        "https://www.reddit.com/r/aww/comments/abc123/my_kitten_discovered_the_sink/",
        "https://reddit.com/r/aww/comments/abc123",
        "http://old.reddit.com/r/aww/comments/abc123/x/?context=3",
        "https://new.reddit.com/r/aww/comments/abc123/x/", "https://np.reddit.com/r/aww/comments/abc123/",
        "https://m.reddit.com/r/aww/comments/abc123/x", "https://www.reddit.com/comments/abc123",
        "https://www.reddit.com/gallery/abc123", "https://redd.it/abc123",
        "https://WWW.REDDIT.COM/R/aww/comments/ABC123/",
        "https://www.reddit.com/r/aww/comments/abc123/x/c0mment1/",
        "https://www.reddit.com/user/cat_person/comments/abc123/x/",
        "https://www.reddit.com/u/cat_person/comments/abc123",
    ]

    static let notClaimed = [
        "https://www.reddit.com/", "https://www.reddit.com/r/aww/",
        "https://www.reddit.com/r/aww/top/?t=week",
        "https://www.reddit.com/user/someone/", "https://www.reddit.com/r/aww/comments/",
        "https://www.reddit.com/search?q=cats", "https://reddit.com.evil.example/r/aww/comments/abc123/",
        "https://notreddit.com/r/aww/comments/abc123/", "https://redd.it/", "https://i.redd.it/",
        "https://v.redd.it/", "ftp://www.reddit.com/r/aww/comments/abc123/",
        "https://www.reddit.com/r/aww/wiki/index",
    ]

    @Test("post links route to the plugin and read the post's JSON", arguments: postLinks)
    func claims(url: String) async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            let runtime = try harness.redditRuntime()
            #expect(runtime.registry.route(url)?.manifest.id == "reddit")
            let result = try await runtime.extract(url)
            #expect(harness.server.hits("/comments/abc123.json?raw_json=1") == 1)
            #expect(result.files.map(\.type) == [.jpeg])
        }
    }

    @Test("listings, profiles, searches and look-alike hosts are not claimed", arguments: notClaimed)
    func ignores(url: String) async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            let runtime = try harness.redditRuntime()
            #expect(runtime.registry.plugin(id: "reddit")?.manifest.priority == 100)
            #expect(runtime.registry.route(url) == nil)
        }
    }

    @Test("a share link is resolved through its redirect to the post")
    func shareLink() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            let post = "/r/aww/comments/abc123/my_kitten_discovered_the_sink/"
            harness.server.setRoute("/r/aww/s/Xy7Ab9Cd", .redirect(to: harness.base + post))
            harness.server.setRoute(post, .bytes(Array("<html></html>".utf8), contentType: "text/html"))
            let url = "https://www.reddit.com/r/aww/s/Xy7Ab9Cd"
            let runtime = try harness.redditRuntime()
            #expect(runtime.registry.route(url)?.manifest.id == "reddit")
            let result = try await runtime.extract(url)
            #expect(result.files.map(\.type) == [.jpeg] && harness.server.hits("/r/aww/s/Xy7Ab9Cd") == 1)
        }
    }

    @Test("a share link that leads nowhere is NOT_FOUND")
    func deadShareLink() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            harness.server.setRoute("/r/aww/s/Gone", .redirect(to: harness.base + "/r/aww/"))
            harness.server.setRoute("/r/aww/", .bytes(Array("<html></html>".utf8), contentType: "text/html"))
            let failure = await harness.failure(
                try harness.redditRuntime(), "https://www.reddit.com/r/aww/s/Gone")
            #expect(
                failure.status == BOSS_ERR_NOT_FOUND && failure.detail.contains("does not lead to a post"))
        }
    }

    @Test("a v.redd.it link is resolved (HEAD) to its post")
    func videoLink() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            harness.server.setRoute(
                "/vredd/vid9", .redirect(to: harness.base + "/r/aww/comments/abc123/kitten/"))
            harness.server.setRoute("/r/aww/comments/abc123/kitten/", .status(200))
            let url = "https://v.redd.it/vid9"
            let runtime = try harness.redditRuntime(videoHost: harness.base + "/vredd")
            #expect(runtime.registry.route(url)?.manifest.id == "reddit")
            #expect(try await runtime.extract(url).files.map(\.type) == [.jpeg])
        }
    }

    @Test("an i.redd.it image is fetched as it is (a dry run: no network)")
    func directImage() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            let url = "https://i.redd.it/a1b2c3d4e5.jpeg"
            let runtime = try harness.redditRuntime()
            #expect(runtime.registry.route(url)?.manifest.id == "reddit")
            let result = try await runtime.extract(url, dryRun: true)
            #expect(result.planned == [PlannedDownload(url: url, suggestedName: nil)])
        }
    }
}

extension ExtractionHarness {
    /// A harness with the Reddit plugin, serving post abc123 (an image post).
    static func reddit() async throws -> ExtractionHarness {
        try await with(product: "RedditExtractor").configured { harness in
            try harness.serve(cassette: "reddit_image", at: "/comments/abc123.json")
            harness.server.setRoute("/i/kitten.jpg", .bytes(MediaFixtures.jpeg(3)))
        }
    }

    /// A runtime whose Reddit plugin talks to the local server.
    func redditRuntime(videoHost: String? = nil, ffmpeg: String? = nil) throws -> HostRuntime {
        var extra = ["BOSS_PLUGIN_REDDIT_API_URL": base]
        extra["BOSS_PLUGIN_REDDIT_VIDEO_URL"] = videoHost
        extra["BOSS_PLUGIN_REDDIT_FFMPEG"] = ffmpeg
        return try runtime(extra: extra)
    }
}
