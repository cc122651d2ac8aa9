import Foundation
import TestSupport
import Testing

@Suite("Every job is bounded: BOSS_JOB_TIMEOUT_SECONDS")
struct JobTimeoutTests {
    @Test("a server trickling 1 KB/s: the job ends at the time limit, says so, and leaves no file")
    func tricklingServer() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let trickle = TestRoute.slow(bytes: CLIHarness.png, chunkSize: 100, delay: .milliseconds(100))
        try await withHarness(TestHTTPServer.start(["/m/slow.png": trickle])) { server in
            let started = ContinuousClock.now
            let result = try await cli.run(
                ["fetch", server.url("/m/slow.png"), "-o", cli.output], ["BOSS_JOB_TIMEOUT_SECONDS": "2"])
            let took = ContinuousClock.now - started
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout.contains("took longer than 2 seconds"), "\(result.stdout)")
            #expect(took < .seconds(30), "the fetch took \(took): the job was not bounded")
            #expect(cli.outputFiles().isEmpty)
            let downloads =
                (try? FileManager.default.contentsOfDirectory(atPath: cli.data + "/downloads")) ?? []
            #expect(downloads.isEmpty, "job folders left: \(downloads)")
        }
    }
}
