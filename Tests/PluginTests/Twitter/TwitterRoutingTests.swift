import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Twitter plugin: which links it claims, and the API request each one makes")
struct TwitterRoutingTests {
    static let claimed = [
        "https://twitter.com/jack/status/20", "https://x.com/jack/status/20",
        "http://www.twitter.com/jack/status/20", "https://mobile.twitter.com/jack/status/20?s=20&t=abc",
        "https://mobile.x.com/jack/status/20/", "https://www.x.com/jack/status/20#top",
        "https://twitter.com/i/status/20", "https://x.com/i/web/status/20", "https://twitter.com/statuses/20",
        "https://fxtwitter.com/jack/status/20", "https://vxtwitter.com/jack/status/20/photo/1",
        "https://fixupx.com/jack/status/20/video/1", "https://fixvx.com/i/status/20",
        "https://X.COM/Jack/Status/20",
    ]

    static let notClaimed = [
        "https://x.com/jack", "https://twitter.com/jack/", "https://twitter.com/search?q=cats",
        "https://x.com/jack/likes", "https://x.com/jack/status/", "https://x.com/jack/status/abc",
        "https://x.com/jack/status/20/analytics", "https://x.com/home", "https://x.com/i/lists/123",
        "https://x.com.evil.example/jack/status/20", "https://evilx.com/jack/status/20",
        "https://nitter.net/jack/status/20", "ftp://x.com/jack/status/20", "https://x.com/hashtag/cats",
        "https://cdn.syndication.twimg.com/tweet-result?id=20", "https://x.com/jack/status/20/photo/0",
    ]

    @Test("claimed links route to the plugin, which asks the API for tweet 20", arguments: claimed)
    func claims(url: String) async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            try harness.serve(cassette: "twitter_mixed", at: "/tweet-result")
            harness.server.setRoute("/media/Mix1.jpg", .bytes(MediaFixtures.jpeg(1)))
            harness.server.setRoute("/tweet_video/Gif1.mp4", .bytes(MediaFixtures.mp4(1)))
            let runtime = try harness.twitterRuntime()
            #expect(runtime.registry.route(url)?.manifest.id == "twitter")
            let result = try await runtime.extract(url)
            #expect(harness.server.hits("/tweet-result?id=20&token=6dq1a2xwd93") == 1)
            #expect(result.files.count == (url.contains("/photo/") || url.contains("/video/") ? 1 : 2))
        }
    }

    @Test("profiles, searches and look-alike hosts are not claimed", arguments: notClaimed)
    func ignores(url: String) async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            let runtime = try harness.twitterRuntime()
            #expect(runtime.registry.plugin(id: "twitter")?.manifest.priority == 100)
            #expect(runtime.registry.route(url) == nil)
        }
    }

    @Test(
        "the token matches the site's JavaScript for each id",
        arguments: [
            ("20", "6dq1a2xwd93"), ("1628832338187636740", "3y54libozsy"),
            ("1234567890123456789", "2zqic77uqyk"), ("463440424141459456", "14fxvks611f"),
        ])
    func token(id: String, token: String) async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            // Only the exact query gets an answer: a wrong token would be a 404.
            let text = #"{"__typename":"Tweet","id_str":"\#(id)","text":"t","user":{"screen_name":"a"}}"#
            harness.server.setRoute("/tweet-result?id=\(id)&token=\(token)", .json(text))
            let failure = await harness.failure(try harness.twitterRuntime(), "https://x.com/a/status/\(id)")
            #expect(failure.status == BOSS_ERR_NO_MEDIA)
        }
    }
}

extension ExtractionHarness {
    /// A runtime whose Twitter plugin talks to the local server instead of the syndication API.
    func twitterRuntime(maxFileMB: Int = 1) throws -> HostRuntime {
        try runtime(maxFileMB: maxFileMB, extra: ["BOSS_PLUGIN_TWITTER_API_URL": base])
    }
}
