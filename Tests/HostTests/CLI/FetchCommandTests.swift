import Foundation
import TestSupport
import Testing

@Suite("boss-host fetch, plugins and run, as an operator runs them")
struct FetchCommandTests {
    @Test("fetch downloads through the Swift plugin into -o DIR and exits 0")
    func fetchSucceeds() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(TestHTTPServer.start(["/m/cat.png": .bytes(CLIHarness.png)])) { server in
            let result = try await cli.run(["fetch", server.url("/m/cat.png"), "-o", cli.output])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(cli.outputFiles() == ["cat.png"])
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: cli.output + "/cat.png")) == Data(CLIHarness.png))
            #expect(result.stdout.contains("1 of 1 download(s) succeeded") && result.stdout.contains("png"))
        }
    }

    @Test("one refused file makes the exit status 1 and says why; the other still arrives")
    func partialFailure() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(
            TestHTTPServer.start([
                "/m/cat.png": .bytes(CLIHarness.png), "/m/evil.jpg": .bytes(CLIHarness.elf),
            ])
        ) { server in
            let result = try await cli.run([
                "fetch", server.url("/m/cat.png"), server.url("/m/evil.jpg"), "-o", cli.output,
            ])
            #expect(result.status == 1)
            #expect(result.stdout.contains("FAILED") && result.stdout.contains("not a supported"))
            #expect(cli.outputFiles() == ["cat.png"])
        }
    }

    @Test("usage errors exit 2")
    func usageError() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let notURL = try await cli.run(["fetch", "not-a-url"])
        #expect(notURL.status == 2 && notURL.stderr.contains("not an http(s) URL"))
        let badSetting = try await cli.run(
            ["fetch", "https://x.invalid/a.png"], ["BOSS_MAX_CONCURRENT": "zero"])
        #expect(badSetting.status == 2 && badSetting.stderr.contains("BOSS_MAX_CONCURRENT"))
    }

    @Test("--dry-run prints URL<TAB>plugin, or - when nothing claims it, and downloads nothing")
    func dryRun() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(TestHTTPServer.start(["/m/cat.png": .bytes(CLIHarness.png)])) { server in
            let url = server.url("/m/cat.png")
            let result = try await cli.run(["fetch", "--dry-run", url, "https://example.invalid/page"])
            #expect(server.hits("/m/cat.png") == 0)
            #expect(result.status == 0)
            #expect(result.stdout.contains("\(url)\tdirect\n  would fetch \(url)"))
            #expect(result.stdout.contains("https://example.invalid/page\t-"))
        }
    }

    @Test("plugins lists loaded plugins and each broken file with its reason")
    func pluginsListing() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try Data("not a library".utf8).write(to: URL(fileURLWithPath: cli.plugins + "/broken.so"))
        let result = try await cli.run(["plugins"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("direct 1.0.0") && result.stdout.contains("FAILED"))
        #expect(result.stdout.contains("broken.so"))
    }

    @Test("run without DISCORD_TOKEN exits 2 and says how to get one")
    func runWithoutToken() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try await cli.run(["run"])
        #expect(result.status == 2 && result.stderr.contains("DISCORD_TOKEN"))
        #expect(result.stderr.contains("developers/applications"))
    }
}
