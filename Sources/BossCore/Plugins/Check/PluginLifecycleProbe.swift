import Foundation
import Logging
import PluginABI

/// The checks of a plugin's entry point and instance life: ABI negotiation, then create, health and
/// destroy with a real host table. Built on `PluginProbe`'s loading steps.
enum PluginLifecycleProbe {
    /// Host versions a plugin must refuse: one before the first ABI, one far in the future.
    static let refusedVersions: [UInt32] = [0, 999]

    /// The entry refuses unknown host versions, and serves the current one with the same descriptor
    /// on every call (the host may call it more than once).
    static func negotiation(_ path: String, name: String) throws(ProbeFailure) -> PluginCheckResult {
        let entry = try PluginProbe.entry(path)
        var problems: [String] = []
        for version in refusedVersions where entry(version) != nil {
            problems.append("returns a descriptor for host ABI version \(version) (must return NULL)")
        }
        let first = entry(BOSS_PLUGIN_ABI_VERSION)
        if first == nil {
            problems.append("returns NULL for the current host ABI version \(BOSS_PLUGIN_ABI_VERSION)")
        } else if entry(BOSS_PLUGIN_ABI_VERSION) != first {
            problems.append("returns a different descriptor on a second call")
        }
        return problems.isEmpty ? .pass(name) : .fail(name, problems.joined(separator: "; "))
    }

    /// create with a real host table and the plugin's configuration, health, then destroy.
    static func lifecycle(
        _ path: String, name: String, environment: HostEnvironment
    ) throws(ProbeFailure) -> PluginCheckResult {
        let descriptor = try PluginProbe.descriptor(path)
        let manifest = try PluginProbe.manifest(path)
        let logger = Logger(label: "plugin-check") { StreamLogHandler.standardError(label: $0) }
        let host = PluginHostFactory(environment: environment, logger: logger).makeHost(for: manifest)
        let functions: PluginFunctions
        do throws(PluginLoadError) { functions = try PluginFunctions(descriptor) } catch {
            return .fail(name, "\(error)")
        }
        guard let instance = functions.create(host.table, host.config) else {
            return .fail(name, "create returned NULL (the plugin's log lines above say why)")
        }
        let health = functions.health?(instance).map { String(cString: $0) }
        functions.destroy(instance)
        withExtendedLifetime(host) {}
        return .pass(name, health.map { "degraded: \($0)" })
    }
}
