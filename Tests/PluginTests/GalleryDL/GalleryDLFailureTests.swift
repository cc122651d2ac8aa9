import PluginABI
import Testing

@testable import GalleryDLExtractor

@Suite("gallery-dl plugin: exit codes and stderr to boss statuses")
struct GalleryDLFailureTests {
    static let notFound = "[downloader.http][warning] '404 Not Found' for 'https://a.example/x.jpg'\n"

    @Test(
        "each exit bit maps to its status",
        arguments: [
            (0, "", BOSS_ERR_NO_MEDIA), (64, "", BOSS_ERR_UNSUPPORTED_URL), (16, "", BOSS_ERR_PRIVATE),
            (8, "", BOSS_ERR_UPSTREAM), (32, "", BOSS_ERR_UNSUPPORTED_URL), (128, "", BOSS_ERR_INTERNAL),
            (1, "", BOSS_ERR_UPSTREAM), (4, notFound, BOSS_ERR_NOT_FOUND),
            (4, "'410 Gone' for", BOSS_ERR_NOT_FOUND),
            (4, "'429 Too Many Requests'", BOSS_ERR_RATE_LIMITED), (4, "'403 Forbidden'", BOSS_ERR_PRIVATE),
            (4, "ConnectionError: Max retries", BOSS_ERR_NETWORK), (4, "'500 Internal'", BOSS_ERR_HTTP),
        ] as [(Int32, String, boss_status)])
    func bits(code: Int32, stderr: String, expected: boss_status) {
        #expect(GalleryDLFailure.classify(exitCode: code, stderr: stderr).status == expected)
    }

    @Test("the most specific bit wins when several are set")
    func precedence() {
        #expect(
            GalleryDLFailure.classify(exitCode: 64 | 4, stderr: Self.notFound).status
                == BOSS_ERR_UNSUPPORTED_URL)
        #expect(GalleryDLFailure.classify(exitCode: 16 | 4, stderr: Self.notFound).status == BOSS_ERR_PRIVATE)
        #expect(
            GalleryDLFailure.classify(exitCode: 4 | 32, stderr: Self.notFound).status == BOSS_ERR_NOT_FOUND)
    }

    @Test("the user reads a sentence, not an exit code, for known failures")
    func sentences() {
        #expect(GalleryDLFailure.classify(exitCode: 64, stderr: "").detail == "this site is not supported")
        #expect(
            GalleryDLFailure.classify(exitCode: 4, stderr: Self.notFound).detail.contains("does not exist"))
    }
}
