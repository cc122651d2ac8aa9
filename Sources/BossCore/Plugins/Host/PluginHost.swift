import Foundation
import Logging
import PluginABI

/// One plugin instance's side of the host: its logger and configuration, and the C memory of the
/// `boss_host` table and `boss_config` its `create` receives, alive as long as this object (the loaded
/// plugin keeps it until the instance is destroyed). Reached from `boss_host.host_data`.
final class PluginHost: @unchecked Sendable {
    // @unchecked: the C tables are written once in init and only read afterwards, from any thread.
    let pluginID: String
    let logger: Logger
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
        self.pluginID = pluginID
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
        table.initialize(to: HostServiceTable.make(name: name, version: version))
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
}

/// How the host names itself to plugins and upstream servers.
public enum HostIdentity {
    /// The host program's name.
    public static let name = "boss-host"
    /// The host's version.
    public static let version = "0.1.0"
    /// The User-Agent of every HTTP request the host makes for a plugin.
    public static let userAgent = "boss-bot/\(version) (+https://github.com/boss-bot/boss-bot)"
}
