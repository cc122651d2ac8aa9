import Foundation
import TestSupport
import Testing

@Suite("Hot-add in the running binary")
struct HotAddFetchTests {
    @Test("a plugin renamed into plugins.d during a fetch serves the jobs that start after it")
    func pluginAddedMidFetch() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let slow = TestRoute.slow(bytes: CLIHarness.png, chunkSize: 20_000, delay: .milliseconds(300))
        try await withHarness(
            TestHTTPServer.start([
                "/s/first.png": slow, "/m/cat.png": .bytes(CLIHarness.png),
            ])
        ) { server in
            // Once installed, the behaviour fixture (priority 10) takes this URL; before that only the direct
            // plugin claims it, and its download of this path would fail with a 404.
            let second = server.url("/fetch/") + server.url("/m/cat.png")
            let child = try cli.launch(
                ["fetch", server.url("/s/first.png"), second, "-o", cli.output], ["BOSS_MAX_CONCURRENT": "1"])
            #expect(await child.waitForStderr("started #1"))
            let built = try CPluginBuilder.build(
                source: "behaviour_plugin.c", into: cli.root, name: "libbehaviour.so")
            #expect(rename(built, cli.plugins + "/libbehaviour.so") == 0)
            let status = await child.wait()
            #expect(status == 0, "\(child.stdout)\(child.stderr)")
            #expect(cli.outputFiles() == ["cat.png", "first.png"])
        }
    }
}
