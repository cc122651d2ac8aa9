import Foundation
import TestSupport
import Testing

/// `boss-host plugin check` holds plugins built against an older or a newer ABI 1 header to the same
/// rules as current ones: both pass every check, a real extraction included.
@Suite("boss-host plugin check: older and newer ABI 1 plugins")
struct ABISkewCheckTests {
    @Test(
        "a plugin with shorter (older v1) or longer (newer v1) structs passes every check",
        arguments: [
            "SKEW_OLDER", "SKEW_NEWER",
        ])
    func skewedPluginPasses(variant: String) async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let server = try await TestHTTPServer.start(["/media/cat.png": .bytes(CLIHarness.png)])
        let plugin = try CPluginBuilder.build(
            source: "abi_skew_plugin.c", defines: [variant: "1"], into: cli.root, name: "libskew.so")
        let url = server.url("/skew/cat.png")
        let result = try await cli.run(["plugin", "check", plugin, "--url", url])
        await server.stop()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let verdicts = result.stdout.split(separator: "\n").map { $0.split(separator: " ").prefix(2) }
        #expect(
            verdicts.map { $0.joined(separator: " ") }
                == PluginCheckTests.staticChecks.map { "PASS \($0)" } + ["PASS extract", "PASS cancel"])
    }
}
