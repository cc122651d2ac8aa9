import Foundation
import TestSupport
import Testing

@Suite("boss-host plugin check: the ABI harness, each check in a child process")
struct PluginCheckTests {
    static let staticChecks = [
        "entry-symbol", "abi-negotiation", "descriptor", "patterns", "example-urls", "foreign-urls",
        "create-destroy",
    ]

    /// Builds fixture_plugin.c with `defines` into the harness's folder; returns the library's path.
    private func fixture(_ cli: CLIHarness, _ defines: [String: String] = [:], name: String = "libcheck.so")
        throws -> String
    {
        try CPluginBuilder.build(source: "fixture_plugin.c", defines: defines, into: cli.root, name: name)
    }

    @Test("a good plugin passes every check and exits 0")
    func goodPlugin() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try await cli.run(["plugin", "check", try fixture(cli)])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
                == Self.staticChecks.map { "PASS \($0)" })
    }

    @Test("--url runs a real extraction through the sink, then a cancelled one")
    func extraction() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(TestHTTPServer.start(["/m/cat.png": .bytes(CLIHarness.png)])) { server in
            let plugin = try CPluginBuilder.build(
                source: "behaviour_plugin.c", into: cli.root, name: "libb.so")
            let url = server.url("/fetch/" + server.url("/m/cat.png"))
            let result = try await cli.run(["plugin", "check", plugin, "--url", url])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(
                result.stdout.contains(
                    "PASS extract \(url) (1 file(s): cat.png (png, \(CLIHarness.png.count) bytes))"))
            #expect(result.stdout.contains("PASS cancel \(url)"))
        }
    }

    @Test("a plugin that ignores cancellation fails the cancel check")
    func ignoresCancellation() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let plugin = try CPluginBuilder.build(source: "behaviour_plugin.c", into: cli.root, name: "libb.so")
        let url = "http://127.0.0.1:9/stuck/x"
        let result = try await cli.run(["plugin", "check", plugin, "--url", url])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL extract \(url): plugin behaviour failed with status 5"))
        #expect(
            result.stdout.contains(
                "FAIL cancel \(url): extract was still running 1 s after the job was cancelled"))
    }

    @Test("a plugin that crashes fails with the signal's name; the harness carries on and exits 1")
    func crashingPlugin() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let plugin = try fixture(cli, ["FIXTURE_CREATE_CRASHES": "1"])
        let url = "https://fixture.example/post/1"
        let result = try await cli.run(["plugin", "check", plugin, "--url", url])
        #expect(result.status == 1)
        #expect(result.stdout.contains("PASS foreign-urls"))
        #expect(result.stdout.contains("FAIL create-destroy: the plugin crashed with SIGSEGV"))
        // The checks after the crash still ran, each in a fresh process.
        #expect(result.stdout.contains("FAIL extract \(url): the plugin crashed with SIGSEGV"))
    }

    // Without the timeout the check would never end: the time limit is what catches that.
    @Test("a plugin that hangs fails after --timeout", .timeLimit(.minutes(2)))
    func hangingPlugin() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let plugin = try fixture(cli, ["FIXTURE_CREATE_HANGS": "1"])
        let result = try await cli.run(["plugin", "check", plugin, "--timeout", "2"])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains("FAIL create-destroy: no answer within 2 s: the plugin hangs (killed)"))
    }

    @Test("a hung check's helper processes are killed with it", .timeLimit(.minutes(2)))
    func hangingPluginHelpers() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let pidFile = cli.root + "/helper.pid"
        let plugin = try fixture(cli, ["FIXTURE_SPAWN_PID_FILE": "\"\(pidFile)\""])
        let result = try await cli.run(["plugin", "check", plugin, "--timeout", "2"])
        #expect(result.stdout.contains("the plugin hangs (killed)"))
        let pids = try String(contentsOfFile: pidFile, encoding: .utf8).split(separator: "\n").compactMap {
            Int32($0)
        }
        #expect(!pids.isEmpty)
        // A killed helper is reaped by init shortly after; a surviving one would still be sleeping.
        for pid in pids {
            #expect(await eventually { kill(pid, 0) != 0 }, "helper \(pid) outlived its check")
        }
    }

    @Test("a pattern that does not compile fails, and the checks that need patterns do not run")
    func badPattern() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let plugin = try fixture(cli, ["FIXTURE_PATTERN": "\"^(unclosed\""])
        let result = try await cli.run(["plugin", "check", plugin])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL patterns: URL pattern ^(unclosed does not compile"))
        #expect(!result.stdout.contains("example-urls"))
    }

    @Test("ABI negotiation, a missing entry point and a claimed foreign URL are reported")
    func abiFailures() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let refusing = try await cli.run(["plugin", "check", try fixture(cli, ["FIXTURE_REFUSE_ABI": "1"])])
        #expect(
            refusing.status == 1
                && refusing.stdout.contains("FAIL abi-negotiation: returns NULL for the current"))
        let noEntry = try fixture(cli, ["FIXTURE_NO_ENTRY": "1"], name: "libnoentry.so")
        let missing = try await cli.run(["plugin", "check", noEntry])
        #expect(
            missing.status == 1
                && missing.stdout
                    == "FAIL entry-symbol: no exported symbol boss_plugin_entry (build with BOSS_EXPORT on it)\n"
        )
        let greedy = try fixture(cli, ["FIXTURE_PATTERN": "\"^https?://\""], name: "libgreedy.so")
        let claims = try await cli.run(["plugin", "check", greedy])
        #expect(
            claims.status == 1
                && claims.stdout.contains("FAIL foreign-urls: claimed: 'https://example.invalid/x'"))
    }

    @Test("--json prints one {check, passed, reason} object per check")
    func json() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try await cli.run(["plugin", "check", try fixture(cli), "--json"])
        #expect(result.status == 0)
        let objects = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(objects?.compactMap { $0["check"] as? String } == Self.staticChecks)
        #expect(objects?.allSatisfy { $0["passed"] as? Bool == true && $0.keys.contains("reason") } == true)
    }

    @Test("a missing file or an unknown option is a usage error: exit 2")
    func usage() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        #expect(try await cli.run(["plugin", "check", cli.root + "/nothing.so"]).status == 2)
        #expect(try await cli.run(["plugin", "check", try fixture(cli), "--bogus"]).status == 2)
    }
}
