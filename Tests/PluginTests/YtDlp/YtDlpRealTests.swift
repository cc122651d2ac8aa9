import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

/// The real yt-dlp, against a local server, through the host's egress proxy (private networks allowed
/// for these tests only). No plugin claims these links: yt-dlp gets them as the chain's fallback.
@Suite("yt-dlp plugin: the real yt-dlp on a local server")
struct YtDlpRealTests {
    static let page =
        #"<html><head><title>A page</title></head><body><video src="/v/clip.mp4"></video></body></html>"#

    /// Runs `body` with a harness serving a real MP4 and a page embedding it, and the MP4's bytes.
    func withClipHarness(_ body: (ExtractionHarness, Data) async throws -> Void) async throws {
        #expect(YtDlpSupport.executable != nil, Comment(rawValue: YtDlpSupport.missingMessage))
        let clip = try withTemporaryFolder(prefix: "boss-ytdlp") { folder in
            try YtDlpSupport.makeMP4(at: folder.file("clip.mp4"))
            return try Data(contentsOf: URL(fileURLWithPath: folder.file("clip.mp4")))
        }
        let routes: [String: TestRoute] = [
            "/v/clip.mp4": .bytes(Array(clip), contentType: "video/mp4"),
            "/v/page.html": .bytes(Array(Self.page.utf8), contentType: "text/html"),
        ]
        try await withHarness(ExtractionHarness.with(product: "YtDlpExtractor", routes)) { harness in
            try await body(harness, clip)
        }
    }

    @Test("a direct MP4, through the proxy: the same bytes in the sink")
    func directMP4() async throws {
        try await withClipHarness { harness, clip in
            let runtime = try harness.runtime(maxFileMB: 5)
            let result = try await YtDlpSupport.extract(
                runtime, harness.server.url("/v/clip.mp4"), options: JobOptions(maxBytes: 10 << 20))
            #expect(result.pluginID == "ytdlp")
            let file = try #require(result.files.first)
            #expect(result.files.count == 1 && file.type == .mp4)
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == clip)
            // The proxy forwards one request per connection and says so; yt-dlp alone keeps it alive.
            #expect(harness.server.lastRequestHeaders("/v/clip.mp4")["connection"] == "close")
        }
    }

    @Test("an HTML page with a <video> element: the video, titled after the page")
    func pageWithVideo() async throws {
        try await withClipHarness { harness, clip in
            let runtime = try harness.runtime(maxFileMB: 5)
            let result = try await YtDlpSupport.extract(runtime, harness.server.url("/v/page.html"))
            #expect(result.pluginID == "ytdlp")
            let file = try #require(result.files.first)
            #expect(result.files.count == 1 && file.type == .mp4)
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == clip)
            #expect(result.metadata.title?.hasPrefix("A page") == true, "\(result.metadata)")
            #expect(harness.server.lastRequestHeaders("/v/page.html")["connection"] == "close")
            #expect(harness.server.lastRequestHeaders("/v/clip.mp4")["connection"] == "close")
        }
    }

    @Test("private networks off: yt-dlp is refused the loopback page, the server sees nothing")
    func loopbackRefused() async throws {
        try await withClipHarness { harness, _ in
            let runtime = try harness.runtime(allowPrivateNetworks: false)
            let (status, detail) = await harness.failure(runtime, harness.server.url("/v/page.html"))
            #expect(status == BOSS_ERR_BLOCKED_ADDRESS, "\(detail)")
            #expect(harness.server.hits("/v/page.html") == 0)
        }
    }
}
