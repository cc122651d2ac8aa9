import Logging
import PluginABI

/// Gives every plugin instance its own `boss_host` table and `boss_config`, built from the host's
/// environment (`BOSS_PLUGIN_<ID>_<KEY>`).
public struct HostServices: PluginHostProvider {
    private let environment: HostEnvironment
    private let logger: Logger

    /// Creates the provider; `logger` is the parent of every plugin's logger.
    public init(environment: HostEnvironment, logger: Logger) {
        self.environment = environment
        self.logger = logger
    }

    /// The binding a plugin's `create` receives; it owns the C memory until the plugin is destroyed.
    public func makeHost(for manifest: PluginManifest) -> PluginHostBinding {
        let state = PluginHostState(
            pluginID: manifest.id, configuration: environment.pluginConfiguration(id: manifest.id),
            logger: logger)
        return PluginHostBinding(
            host: UnsafePointer(state.host), config: UnsafePointer(state.config), owner: state)
    }
}
