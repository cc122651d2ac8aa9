import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("Reddit plugin: removed, private and unreadable posts give a status and an explanation")
struct RedditErrorTests {
    @Test(
        "each kind of unavailable post",
        arguments: [
            ("reddit_removed", "rem001", BOSS_ERR_NOT_FOUND, "removed (moderator)"),
            ("reddit_deleted", "del001", BOSS_ERR_NOT_FOUND, "deleted by its author"),
            ("reddit_quarantined", "qua001", BOSS_ERR_PRIVATE, "quarantined"),
            ("reddit_self", "slf001", BOSS_ERR_NO_MEDIA, "no image, video or link"),
        ])
    func unavailable(cassette: String, id: String, status: boss_status, detail: String) async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            try harness.serve(cassette: cassette, at: "/comments/\(id).json")
            let failure = await harness.failure(try harness.redditRuntime(), "https://redd.it/\(id)")
            #expect(failure.status == status && failure.detail.contains(detail), "\(failure)")
        }
    }

    @Test("API errors: 404 is NOT_FOUND, 403 PRIVATE, 500 an HTTP error")
    func apiErrors() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            let runtime = try harness.redditRuntime()
            let missing = await harness.failure(runtime, "https://redd.it/nothere")
            #expect(missing.status == BOSS_ERR_NOT_FOUND && missing.detail.contains("does not exist"))
            harness.server.setRoute("/comments/priv01.json", .status(403))
            let banned = await harness.failure(runtime, "https://redd.it/priv01")
            #expect(banned.status == BOSS_ERR_PRIVATE && banned.detail.contains("private"))
            harness.server.setRoute("/comments/err001.json", .status(500))
            #expect(await harness.failure(runtime, "https://redd.it/err001").status == BOSS_ERR_HTTP)
        }
    }

    @Test("an unreachable API is a NETWORK error that says so")
    func unreachable() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            let runtime = try harness.runtime(extra: ["BOSS_PLUGIN_REDDIT_API_URL": "http://127.0.0.1:1"])
            let failure = await harness.failure(runtime, "https://redd.it/abc123")
            #expect(failure.status == BOSS_ERR_NETWORK && failure.detail.contains("could not be reached"))
        }
    }

    static let malformed: [MalformedBody] = [
        MalformedBody(
            "truncated", #"[{"kind":"Listing","data":{"children":[{"kind":"t3","data":{"title":"cut"#),
        MalformedBody(
            "title as a number", #"[{"kind":"Listing","data":{"children":[{"data":{"title":5}}]}}]"#),
        MalformedBody(
            "is_video as a string", #"[{"kind":"Listing","data":{"children":[{"data":{"is_video":"yes"}}]}}]"#
        ),
        MalformedBody("an object, not the array", #"{"kind":"Listing","data":{"children":[]}}"#),
        MalformedBody("an empty array", "[]"), .empty, .noise,
    ]

    @Test("truncated, mistyped or random answers are UPSTREAM errors, never a crash", arguments: malformed)
    func malformedAnswer(body: MalformedBody) async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            harness.server.setRoute(
                "/comments/bad001.json", .bytes(body.bytes, contentType: "application/json"))
            let failure = await harness.failure(try harness.redditRuntime(), "https://redd.it/bad001")
            #expect(failure.status == BOSS_ERR_UPSTREAM && failure.detail.contains("could not be read"))
        }
    }

    @Test("a listing with no post in it is UPSTREAM")
    func emptyListing() async throws {
        try await withHarness(ExtractionHarness.reddit()) { harness in
            let empty =
                #"[{"kind":"Listing","data":{"children":[]}},{"kind":"Listing","data":{"children":[]}}]"#
            harness.server.setRoute("/comments/emp001.json", .json(empty))
            let failure = await harness.failure(try harness.redditRuntime(), "https://redd.it/emp001")
            #expect(failure.status == BOSS_ERR_UPSTREAM && failure.detail.contains("holds no post"))
        }
    }
}
