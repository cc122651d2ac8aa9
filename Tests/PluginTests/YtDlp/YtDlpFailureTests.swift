import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

/// Each way yt-dlp fails becomes its own status and sentence for the user (stand-in yt-dlp, real plugin).
@Suite("yt-dlp plugin: each failure class has its own status and message")
struct YtDlpFailureTests {
    /// Runs a stand-in that prints `stdout`, then `stderr` on stderr, and exits with `code`.
    func failure(stdout: String = "", stderr: String, code: Int32 = 1) async throws -> (boss_status?, String)
    {
        try await withHarness(ExtractionHarness.with(product: "YtDlpExtractor")) { harness in
            let fake = try YtDlpSupport.standIn(
                harness, "cat <<'OUT'\n\(stdout)\nOUT\ncat >&2 <<'ERR'\n\(stderr)\nERR\nexit \(code)\n")
            let runtime = try harness.runtime(extra: [YtDlpSupport.bin: fake])
            let result = await harness.failure(runtime, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
            return result
        }
    }

    @Test(
        "stderr's ERROR line to status and message",
        arguments: [
            (
                "ERROR: [youtube] x: Private video. Sign in if you've been granted access", BOSS_ERR_PRIVATE,
                "private"
            ),
            (
                "ERROR: [youtube] x: Sign in to confirm your age. This video may be inappropriate for some users.",
                BOSS_ERR_PRIVATE, "age-restricted"
            ),
            (
                "ERROR: [youtube] x: Video unavailable. The uploader has not made this video available in your country",
                BOSS_ERR_PRIVATE, "not available in the bot's country"
            ),
            (
                "ERROR: [vimeo] 1: This video is not available from your location due to geo restriction",
                BOSS_ERR_PRIVATE, "not available in the bot's country"
            ),
            ("ERROR: [youtube] x: Video unavailable", BOSS_ERR_NOT_FOUND, "removed or does not exist"),
            (
                "ERROR: [youtube] x: This live event will begin in 5 hours.", BOSS_ERR_NO_MEDIA,
                "has not started"
            ),
            (
                "ERROR: [Instagram] x: Requested content is not available, rate-limit reached or login required. Use --cookies",
                BOSS_ERR_PRIVATE, "needs a login"
            ),
            ("ERROR: [youtube] x: Sign in to confirm you’re not a bot.", BOSS_ERR_UPSTREAM, "not a bot"),
            (
                "ERROR: unable to download video data: HTTP Error 429: Too Many Requests",
                BOSS_ERR_RATE_LIMITED, "rate"
            ),
            (
                "ERROR: [generic] x: Unable to download webpage: [Errno 111] Connection refused",
                BOSS_ERR_NETWORK,
                "could not be reached"
            ),
            ("ERROR: [youtube] x: This video is DRM protected", BOSS_ERR_NO_MEDIA, "DRM"),
            ("ERROR: something new went wrong", BOSS_ERR_UPSTREAM, "yt-dlp failed on this link"),
        ] as [(String, boss_status, String)])
    func mapped(stderr: String, status: boss_status, says: String) async throws {
        let (got, detail) = try await failure(stderr: "WARNING: [youtube] a warning\n" + stderr)
        #expect(got == status, "\(detail)")
        #expect(detail.contains(says), "\(detail)")
    }

    @Test("an unsupported link (or a post without video) passes to the chain's next step, which names ytdlp")
    func unsupportedPasses() async throws {
        for stderr in [
            "ERROR: Unsupported URL: https://a.example/x", "ERROR: [Bluesky] x: No video could be found",
        ] {
            try await withHarness(ExtractionHarness.with(product: "YtDlpExtractor")) { harness in
                let fake = try YtDlpSupport.standIn(harness, "echo '\(stderr)' >&2\nexit 1\n")
                let runtime = try harness.runtime(extra: [YtDlpSupport.bin: fake])
                let url = "https://bsky.app/profile/someone.bsky.social/post/3kabc"
                let error = await #expect(throws: ExtractionError.self) { try await runtime.extract(url) }
                let unsupported = try #require(error?.unsupported, "unexpected \(String(describing: error))")
                #expect(unsupported.url == url)
                #expect(unsupported.tried.first == "ytdlp", "\(unsupported.tried)")
            }
        }
    }

    @Test("a live stream (skipped by !is_live) gets its own message, not 'no media'")
    func liveStream() async throws {
        let info = #"boss-info {"title": "Live now", "live_status": "is_live"}"#
        let (status, detail) = try await failure(stdout: info, stderr: "", code: 0)
        #expect(status == BOSS_ERR_NO_MEDIA)
        #expect(detail.contains("live stream") && detail.contains("once it has ended"), "\(detail)")
    }

    @Test("exit 0 without a file: no media at this link")
    func nothing() async throws {
        let (status, detail) = try await failure(stderr: "", code: 0)
        #expect(status == BOSS_ERR_NO_MEDIA && detail.contains("no video or audio"), "\(detail)")
    }

    @Test("no yt-dlp installed: a dependency error and the health sentence")
    func notInstalled() async throws {
        try await withHarness(ExtractionHarness.with(product: "YtDlpExtractor")) { harness in
            let runtime = try harness.runtime(extra: [YtDlpSupport.bin: harness.root + "/no-such-yt-dlp"])
            let (status, detail) = await harness.failure(runtime, "https://vimeo.com/76979871")
            #expect(
                status == BOSS_ERR_DEPENDENCY && detail.contains("yt-dlp, which is not installed"),
                "\(detail)")
            #expect(runtime.registry.plugin(id: "ytdlp")?.health == "yt-dlp is not installed")
        }
    }
}
