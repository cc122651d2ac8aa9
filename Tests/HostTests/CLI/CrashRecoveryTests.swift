import Foundation
import TestSupport
import Testing

@Suite("kill -9 during downloads, then a restart: nothing lost, nothing delivered twice")
struct CrashRecoveryTests {
    @Test("interrupted and queued jobs all complete after a restart, each exactly once")
    func killAndResume() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let slow = TestRoute.slow(bytes: CLIHarness.png, chunkSize: 20_000, delay: .milliseconds(150))
        try await withHarness(TestHTTPServer.start(["/s/a.png": slow, "/s/b.png": slow, "/s/c.png": slow])) {
            server in
            let urls = ["/s/a.png", "/s/b.png", "/s/c.png"].map { server.url($0) }
            let first = try cli.launch(["fetch"] + urls + ["-o", cli.output], ["BOSS_MAX_CONCURRENT": "1"])
            #expect(await first.waitForStderr("started #1"), "\(first.stderr)")
            first.kill(SIGKILL)
            _ = await first.wait()
            #expect(cli.outputFiles().count < 3, "the crash came too late to test anything")

            let second = try await cli.run(["fetch"], ["BOSS_MAX_CONCURRENT": "1"])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stderr.contains("resuming"))
            #expect(cli.outputFiles() == ["a.png", "b.png", "c.png"])
            for name in cli.outputFiles() {
                #expect(
                    try Data(contentsOf: URL(fileURLWithPath: cli.output + "/" + name))
                        == Data(CLIHarness.png))
            }
            let third = try await cli.run(["fetch"])
            #expect(third.status == 0 && !third.stderr.contains("resuming"), "a delivered job ran again")
        }
    }
}
