import ArgumentParser
import BossCore

/// `boss-host plugins`: what the plugins directory holds, loaded or not, and why not.
struct PluginsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins", abstract: "List the plugins in the plugins directory, with load errors.")

    func run() async throws {
        let settings = try HostBootstrap.settings()
        let runtime = try HostBootstrap.runtime(
            settings, logger: HostBootstrap.logger(settings, quietDefault: true))
        _ = runtime.loader.loadAll()
        let plugins = runtime.registry.plugins
        let failures = runtime.registry.failures
        print(
            "plugins directory: \(settings.pluginsDirectory) (\(plugins.count) loaded, \(failures.count) failed)"
        )
        for plugin in plugins {
            let manifest = plugin.manifest
            let health = plugin.health.map { "degraded: \($0)" } ?? "ok"
            print("")
            print("\(manifest.id) \(manifest.version)  [\(health)]")
            print("  name:      \(manifest.name)")
            print(
                "  abi:       \(manifest.abiVersion)   priority: \(manifest.priority)   thread-safe: \(manifest.isThreadSafe)"
            )
            print("  file:      \(plugin.sourcePath)")
            for pattern in manifest.patterns { print("  pattern:   \(pattern)") }
        }
        for failure in failures {
            print("")
            print("FAILED \(failure.path)")
            print("  reason:    \(failure.error)")
        }
    }
}
