import Foundation
import Logging
import PluginABI

/// Loads one file of the plugins folder into the registry: a private copy mapped, its descriptor
/// validated, its instance created with its own `PluginHost`; the version it replaces is retired.
struct PluginInstaller: Sendable {
    private let directory: String
    private let cacheDirectory: String
    private let hostFactory: PluginHostFactory
    private let registry: PluginRegistry
    private let policy: PluginFilePolicy
    private let logger: Logger

    init(
        directory: String, cacheDirectory: String, hostFactory: PluginHostFactory, registry: PluginRegistry,
        policy: PluginFilePolicy, logger: Logger
    ) {
        self.directory = directory
        self.cacheDirectory = cacheDirectory
        self.hostFactory = hostFactory
        self.registry = registry
        self.policy = policy
        self.logger = logger
    }

    /// Loads one file; on failure records it (one log line) and leaves any current version running.
    func load(
        _ path: String, identity: FileIdentity, replacing current: LoadedPlugin?,
        into result: inout PluginScanResult
    ) {
        do throws(PluginLoadError) {
            try policy.checkFolder(directory)
            let image = try PluginImage.load(path, cacheDirectory: cacheDirectory, policy: policy)
            let (manifest, patterns) = try PluginManifest.validate(image.descriptor)
            if let other = registry.plugin(id: manifest.id), other !== current {
                throw .duplicateID(id: manifest.id, loadedFrom: other.sourcePath)
            }
            let functions = try PluginFunctions(image.descriptor)
            let host = hostFactory.makeHost(for: manifest)
            guard let instance = functions.create(host.table, host.config) else {
                throw .createFailed(id: manifest.id)
            }
            let plugin = LoadedPlugin(
                manifest: manifest, patterns: patterns, image: image, identity: identity,
                functions: functions,
                instance: instance, host: host)
            registry.install(plugin, replacing: current)
            current?.retire()
            if let current {
                result.replaced.append(manifest)
                logger.info(
                    "plugin \(manifest.id) \(current.manifest.version) replaced by \(manifest.version) from \(path)"
                )
            } else {
                result.added.append(manifest)
                logger.info("plugin \(manifest.id) \(manifest.version) loaded from \(path)")
            }
        } catch {
            let failure = PluginLoadFailure(path: path, error: error)
            registry.recordFailure(failure, identity: identity)
            result.failures.append(failure)
            logger.warning("plugin file \(path) skipped: \(error)")
        }
    }
}
