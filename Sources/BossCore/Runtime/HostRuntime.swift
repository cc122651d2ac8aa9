import BossNet
import Foundation
import Logging

/// The host core assembled from settings: storage, the network client, the plugin loader and the
/// extraction runner. Front ends (the CLI's `fetch`, the Discord bot) put a queue in front of it.
public final class HostRuntime: Sendable {
    /// The validated settings.
    public let settings: HostSettings
    /// The data directory layout.
    public let dataDirectory: DataDirectory
    /// Bytes used against `BOSS_STORAGE_QUOTA_MB`.
    public let quota: StorageQuota
    /// The network of plugins: their HTTP clients and the egress proxy of their children.
    public let network: PluginNetwork
    /// The loaded plugins.
    public let registry: PluginRegistry
    /// Loads and reloads plugins from `BOSS_PLUGINS_DIR`.
    public let loader: PluginLoader
    /// Runs plugins for jobs.
    public let runner: ExtractionRunner
    /// The root logger.
    public let logger: Logger

    /// Prepares the data directory (removing a crash's orphans) and loads every plugin.
    public init(settings: HostSettings, logger: Logger) throws {
        self.settings = settings
        self.logger = logger
        let layout = DataDirectory(root: settings.dataDirectory)
        let orphans = try layout.prepare()
        if orphans > 0 { logger.info("removed \(orphans) orphaned temporary file(s) from \(layout.tmp)") }
        // Measured after the start-up cleanup; from then on every job folder the layout deletes (a
        // crashed attempt's leftovers included) is given back to the quota.
        quota = StorageQuota(
            limitBytes: settings.storageQuotaBytes, usedBytes: StorageQuota.measure(directory: layout.root))
        dataDirectory = DataDirectory(root: layout.root, quota: quota)
        network = PluginNetwork(
            policy: Self.networkPolicy(settings),
            trusted: PluginNetwork.trustedOrigins(in: settings.environment.values), logger: logger)
        registry = PluginRegistry()
        loader = PluginLoader(
            directory: settings.pluginsDirectory, cacheDirectory: dataDirectory.pluginCache,
            hostFactory: PluginHostFactory(environment: settings.environment, logger: logger),
            registry: registry,
            logger: logger, policy: PluginFilePolicy(allowInsecure: settings.pluginsInsecure))
        runner = ExtractionRunner(
            registry: registry, network: network, dataDirectory: dataDirectory, quota: quota,
            limits: ExtractionLimits(maxFileBytes: settings.maxFileBytes),
            searchPath: ProcessInfo.processInfo.environment["PATH"], logger: logger)
    }

    /// The network rules of plugins (each plugin's configured API bases are trusted by `PluginNetwork`
    /// for that plugin alone).
    static func networkPolicy(_ settings: HostSettings) -> NetworkPolicy {
        var policy = NetworkPolicy(userAgent: HostIdentity.userAgent)
        policy.allowPrivateNetworks = settings.allowPrivateNetworks
        return policy
    }
}
