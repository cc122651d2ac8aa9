import Foundation
import Logging
import PluginABI

/// One plugin instance's side of the host: its logger and configuration, and the C memory of the
/// `boss_host` table and `boss_config` its `create` receives, alive as long as this object (the loaded
/// plugin keeps it until the instance is destroyed). Reached from `boss_host.host_data`.
final class PluginHost: @unchecked Sendable {
    // @unchecked: the C tables are written once in init and only read afterwards, from any thread.
    private let logger: Logger
    /// The table handed to `create`.
    let table: UnsafeMutablePointer<boss_host>
    /// The configuration handed to `create`.
    let config: UnsafeMutablePointer<boss_config>
    private let entries: UnsafeMutableBufferPointer<boss_config_entry>
    private let strings: [UnsafeMutablePointer<CChar>]
    private let values: [String: UnsafePointer<CChar>]

    init(pluginID: String, configuration: [String: String], logger: Logger) {
        var log = logger
        log[metadataKey: "plugin"] = "\(pluginID)"
        self.logger = log
        var strings: [UnsafeMutablePointer<CChar>] = []
        var values: [String: UnsafePointer<CChar>] = [:]
        let sorted = configuration.sorted { $0.key < $1.key }
        entries = .allocate(capacity: max(sorted.count, 1))
        for (index, (key, value)) in sorted.enumerated() {
            let cKey = strdup(key)!
            let cValue = strdup(value)!
            strings += [cKey, cValue]
            values[key] = UnsafePointer(cValue)
            entries[index] = boss_config_entry(key: cKey, value: cValue)
        }
        let name = strdup(HostIdentity.name)!
        let version = strdup(HostIdentity.version)!
        self.strings = strings + [name, version]
        self.values = values
        config = .allocate(capacity: 1)
        config.initialize(
            to: boss_config(
                struct_size: UInt32(MemoryLayout<boss_config>.size), count: sorted.count,
                entries: UnsafePointer(entries.baseAddress)))
        table = .allocate(capacity: 1)
        table.initialize(to: Self.makeTable(name: name, version: version))
        table.pointee.host_data = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        table.deallocate()
        config.deallocate()
        entries.deallocate()
        for string in strings { free(string) }
    }

    /// The state behind a `boss_host*` a plugin passed back to us.
    static func from(_ host: UnsafePointer<boss_host>?) -> PluginHost? {
        guard let data = host?.pointee.host_data else { return nil }
        return Unmanaged<PluginHost>.fromOpaque(data).takeUnretainedValue()
    }

    /// The C string of config key `key`, valid as long as this state lives.
    func configValue(_ key: String) -> UnsafePointer<CChar>? { values[key] }

    /// The C function table. Every entry is a capture-free closure that finds its Swift state through
    /// an explicit context pointer: `boss_host.host_data` for plugin-scoped services (here), the opaque
    /// `boss_job*` for job-scoped ones, the opaque `boss_file*` for sink files.
    private static func makeTable(name: UnsafePointer<CChar>, version: UnsafePointer<CChar>) -> boss_host {
        var table = boss_host()
        table.struct_size = UInt32(MemoryLayout<boss_host>.size)
        table.abi_version = BOSS_PLUGIN_ABI_VERSION
        table.name = name
        table.version = version
        table.log = { host, level, message in
            guard let plugin = PluginHost.from(host), let message else { return }
            plugin.logger.log(level: Logger.Level(pluginLevel: level), "\(String(cString: message))")
        }
        table.config_get = { host, key in
            guard let plugin = PluginHost.from(host), let key else { return nil }
            return plugin.configValue(String(cString: key))
        }
        table.has_feature = { _, id in id.map { HostFeatures.offered.contains(String(cString: $0)) } ?? false
        }
        JobServices.install(into: &table)
        SinkServices.install(into: &table)
        ProcessServices.install(into: &table)
        return table
    }
}

extension Logger.Level {
    /// Maps a plugin's log level; unknown values are logged as warnings rather than dropped.
    init(pluginLevel level: boss_log_level) {
        switch level {
        case BOSS_LOG_TRACE: self = .trace
        case BOSS_LOG_DEBUG: self = .debug
        case BOSS_LOG_INFO: self = .info
        case BOSS_LOG_ERROR: self = .error
        default: self = .warning
        }
    }
}
