import Logging
import PluginABI

/// Makes the `PluginHost` of every plugin instance: its own `boss_host` table and `boss_config`, built
/// from the host's environment (`BOSS_PLUGIN_<ID>_<KEY>`).
public struct PluginHostFactory: Sendable {
    private let environment: HostEnvironment
    private let logger: Logger

    /// Creates the factory; `logger` is the parent of every plugin's logger.
    public init(environment: HostEnvironment, logger: Logger) {
        self.environment = environment
        self.logger = logger
    }

    /// The host a plugin's `create` receives; it owns the C memory until the plugin is destroyed.
    func makeHost(for manifest: PluginManifest) -> PluginHost {
        PluginHost(
            pluginID: manifest.id, configuration: environment.pluginConfiguration(id: manifest.id),
            logger: logger)
    }
}
