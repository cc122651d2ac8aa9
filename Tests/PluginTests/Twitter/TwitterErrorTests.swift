import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Twitter plugin: unavailable tweets and unreadable answers give a status and an explanation")
struct TwitterErrorTests {
    static let url = "https://x.com/jack/status/20"

    @Test(
        "each kind of unavailable tweet",
        arguments: [
            ("twitter_tombstone", BOSS_ERR_NOT_FOUND, "deleted"),
            ("twitter_tombstone_adult", BOSS_ERR_PRIVATE, "age-restricted"),
            ("twitter_protected", BOSS_ERR_PRIVATE, "protected"),
            ("twitter_text_only", BOSS_ERR_NO_MEDIA, "no photo, video or GIF"),
        ])
    func unavailable(cassette: String, status: boss_status, detail: String) async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            try harness.serve(cassette: cassette, at: "/tweet-result")
            let failure = await harness.failure(try harness.twitterRuntime(), Self.url)
            #expect(failure.status == status && failure.detail.contains(detail), "\(failure)")
        }
    }

    @Test("API errors: 404 is NOT_FOUND, 500 an HTTP error, 429 rate limiting")
    func apiErrors() async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            let runtime = try harness.twitterRuntime()
            let missing = await harness.failure(runtime, Self.url)
            #expect(missing.status == BOSS_ERR_NOT_FOUND && missing.detail.contains("does not exist"))
            harness.server.setRoute("/tweet-result", .status(500))
            #expect(await harness.failure(runtime, Self.url).status == BOSS_ERR_HTTP)
            harness.server.setRoute("/tweet-result", .status(429))
            #expect(await harness.failure(runtime, Self.url).status == BOSS_ERR_RATE_LIMITED)
            // The API answers an empty object for tweets it will not show.
            harness.server.setRoute("/tweet-result", .json("{}"))
            let hidden = await harness.failure(runtime, Self.url)
            #expect(hidden.status == BOSS_ERR_NOT_FOUND && hidden.detail.contains("unavailable"))
        }
    }

    @Test("an unreachable API is a NETWORK error that says so")
    func unreachable() async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            let runtime = try harness.runtime(extra: ["BOSS_PLUGIN_TWITTER_API_URL": "http://127.0.0.1:1"])
            let failure = await harness.failure(runtime, Self.url)
            #expect(failure.status == BOSS_ERR_NETWORK && failure.detail.contains("could not be reached"))
        }
    }

    @Test("a tombstone's notice reaches the user without its trailing link text")
    func tombstoneNotice() async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            try harness.serve(cassette: "twitter_tombstone", at: "/tweet-result")
            let failure = await harness.failure(try harness.twitterRuntime(), Self.url)
            #expect(
                failure.detail
                    == "This tweet is unavailable or was deleted: This Post was deleted by the Post author.")
        }
    }

    @Test("/photo/5 of a two-photo tweet is NOT_FOUND")
    func missingItem() async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            try harness.serve(cassette: "twitter_photos", at: "/tweet-result")
            let failure = await harness.failure(
                try harness.twitterRuntime(), "https://x.com/bossbot_test/status/1628832338187636740/photo/5")
            #expect(failure.status == BOSS_ERR_NOT_FOUND && failure.detail.contains("only 2"))
        }
    }

    static let malformed: [MalformedBody] = [
        MalformedBody("truncated", #"{"__typename":"Tweet","id_str":"20","mediaDetails":[{"type":"pho"#),
        MalformedBody("id as a number", #"{"__typename":"Tweet","id_str":20,"mediaDetails":"none"}"#),
        MalformedBody(
            "type as a number", #"{"__typename":"Tweet","id_str":"20","mediaDetails":[{"type":7}]}"#),
        MalformedBody("an array", "[1, 2, 3]"), .empty, .noise,
    ]

    @Test("truncated, mistyped or random answers are UPSTREAM errors, never a crash", arguments: malformed)
    func malformedAnswer(body: MalformedBody) async throws {
        try await withHarness(ExtractionHarness.with(product: "TwitterExtractor")) { harness in
            harness.server.setRoute("/tweet-result", .bytes(body.bytes, contentType: "application/json"))
            let failure = await harness.failure(try harness.twitterRuntime(), Self.url)
            #expect(failure.status == BOSS_ERR_UPSTREAM && failure.detail.contains("could not be read"))
        }
    }
}
