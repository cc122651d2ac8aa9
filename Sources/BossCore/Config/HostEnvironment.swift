import Foundation

/// The settings as the host sees them: a `.env` file in the working directory, overridden by the real
/// environment (the real environment wins, so `FOO=1 boss-host` behaves as expected).
public struct HostEnvironment: Sendable {
    /// Every variable, merged.
    public let values: [String: String]

    /// Merges `process` over the `.env` file at `dotEnvPath` (missing file: nothing to merge).
    public init(
        process: [String: String] = ProcessInfo.processInfo.environment, dotEnvPath: String? = ".env"
    ) throws(ConfigurationError) {
        var merged: [String: String] = [:]
        if let dotEnvPath, FileManager.default.fileExists(atPath: dotEnvPath) {
            merged = try DotEnvFile.parse(path: dotEnvPath)
        }
        merged.merge(process) { _, real in real }
        values = merged
    }

    /// Wraps already-merged values (tests, child processes).
    public init(values: [String: String]) { self.values = values }

    /// The raw value of a known setting, or its default.
    public subscript(key: SettingKey) -> String? {
        guard let value = values[key.rawValue], !value.isEmpty else { return key.defaultValue }
        return value
    }

    /// The configuration of plugin `id`: every `BOSS_PLUGIN_<ID>_<KEY>`, keyed by lower-cased `<KEY>`.
    public func pluginConfiguration(id: String) -> [String: String] {
        let prefix = "BOSS_PLUGIN_\(id.uppercased())_"
        var config: [String: String] = [:]
        for (name, value) in values where name.hasPrefix(prefix) && name.count > prefix.count {
            config[String(name.dropFirst(prefix.count)).lowercased()] = value
        }
        return config
    }
}
