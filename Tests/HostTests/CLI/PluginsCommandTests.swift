import Foundation
import Testing

@Suite("boss-host plugins: files others can change are listed as refused")
struct PluginsCommandTests {
    @Test("a group-writable plugin is FAILED with the reason and logged; BOSS_PLUGINS_INSECURE=1 loads it")
    func insecurePlugin() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let path = cli.plugins + "/libDirectMediaExtractor.so"
        #expect(chmod(path, 0o664) == 0)
        let refused = try await cli.run(["plugins"], ["BOSS_LOG_LEVEL": "warning"])
        #expect(refused.status == 0)
        #expect(refused.stdout.contains("(0 loaded, 1 failed)") && refused.stdout.contains("FAILED \(path)"))
        #expect(refused.stdout.contains("refused: \(path) is writable by group or others (mode 0664)"))
        #expect(refused.stdout.contains("BOSS_PLUGINS_INSECURE=1"))
        #expect(refused.stderr.contains("plugin file \(path) skipped: refused"), "the operator's log line")

        let loaded = try await cli.run(["plugins"], ["BOSS_PLUGINS_INSECURE": "1"])
        #expect(loaded.stdout.contains("(1 loaded, 0 failed)") && loaded.stdout.contains("direct 1.0.0"))
    }
}
