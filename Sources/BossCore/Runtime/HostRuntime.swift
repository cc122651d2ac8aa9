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
    /// The HTTP client every plugin request goes through.
    public let http: HTTPClient
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
        dataDirectory = DataDirectory(root: settings.dataDirectory)
        let orphans = try dataDirectory.prepare()
        if orphans > 0 {
            logger.info("removed \(orphans) orphaned temporary file(s) from \(dataDirectory.tmp)")
        }
        quota = StorageQuota(
            limitBytes: settings.storageQuotaBytes,
            usedBytes: StorageQuota.measure(directory: dataDirectory.root))
        http = HTTPClient(policy: Self.networkPolicy(settings), logger: logger)
        registry = PluginRegistry()
        loader = PluginLoader(
            directory: settings.pluginsDirectory, cacheDirectory: dataDirectory.pluginCache,
            hostProvider: HostServices(environment: settings.environment, logger: logger), registry: registry,
            logger: logger, policy: PluginFilePolicy(allowInsecure: settings.pluginsInsecure))
        runner = ExtractionRunner(
            registry: registry, http: http, dataDirectory: dataDirectory, quota: quota,
            limits: ExtractionLimits(maxFileBytes: settings.maxFileBytes), logger: logger)
    }

    /// The network rules: the operator's configured API bases are trusted, everything else guarded.
    static func networkPolicy(_ settings: HostSettings) -> NetworkPolicy {
        var policy = NetworkPolicy(userAgent: HostIdentity.userAgent)
        policy.allowPrivateNetworks = settings.allowPrivateNetworks
        var trusted = [settings.discordAPIURL]
        for (name, value) in settings.environment.values
        where name.hasPrefix("BOSS_PLUGIN_") && name.hasSuffix("_API_URL") {
            trusted.append(value)
        }
        policy.trustedOrigins = Set(trusted.compactMap(HTTPOrigin.init(url:)))
        return policy
    }
}
