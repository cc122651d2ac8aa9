import Foundation
import Logging
import PluginABI
import Synchronization

/// Loads every `*.so` of the plugins directory, and on rescans picks up added, replaced and removed
/// files. A file whose size or mtime still changes between two scans is being copied: it waits.
public final class PluginLoader: Sendable {
    /// The plugins folder, standardized.
    let directory: String
    /// The parent of the loader's and the watcher's log lines.
    let logger: Logger
    private let registry: PluginRegistry
    private let installer: PluginInstaller
    /// Files seen changing in the previous scan, with the identity they had then.
    private let pending = Mutex<[String: FileIdentity]>([:])
    private let scanning = Mutex(())

    /// Creates a loader; nothing is loaded until `loadAll()`.
    public init(
        directory: String, cacheDirectory: String, hostFactory: PluginHostFactory,
        registry: PluginRegistry,
        logger: Logger, policy: PluginFilePolicy = PluginFilePolicy()
    ) {
        let standardized = URL(fileURLWithPath: directory).standardizedFileURL.path
        self.directory = standardized
        self.registry = registry
        self.logger = logger
        installer = PluginInstaller(
            directory: standardized, cacheDirectory: cacheDirectory, hostFactory: hostFactory,
            registry: registry,
            policy: policy, logger: logger)
    }

    /// The first scan: every file present is taken as complete.
    public func loadAll() -> PluginScanResult { scan(waitForStableFiles: false) }

    /// A later scan (the watcher's): loads new and changed files once they stopped changing.
    public func rescan() -> PluginScanResult { scan(waitForStableFiles: true) }

    /// One scan at a time: the watcher's and an admin's `reload` would otherwise both load a new file
    /// (one then refused as a duplicate of itself, or both registered).
    func scan(waitForStableFiles: Bool) -> PluginScanResult {
        scanning.withLock { _ in scanUnlocked(waitForStableFiles: waitForStableFiles) }
    }

    private func scanUnlocked(waitForStableFiles: Bool) -> PluginScanResult {
        var result = PluginScanResult()
        let files = pluginFiles()
        for path in registry.knownPaths.subtracting(files.keys) {
            if let gone = registry.remove(path: path) {
                gone.retire()
                result.removed.append(gone.manifest.id)
                logger.info("plugin \(gone.manifest.id) removed (\(path) is gone)")
            }
        }
        for (path, identity) in files.sorted(by: { $0.key < $1.key }) {
            let current = registry.plugin(path: path)
            if current?.identity == identity || registry.failedIdentity(path: path) == .some(identity) {
                continue
            }
            if waitForStableFiles {
                let stable = pending.withLock { pending in
                    defer { pending[path] = identity }
                    return pending[path] == identity
                }
                guard stable else { continue }
            }
            pending.withLock { _ = $0.removeValue(forKey: path) }
            installer.load(path, identity: identity, replacing: current, into: &result)
        }
        return result
    }

    private func pluginFiles() -> [String: FileIdentity] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var files: [String: FileIdentity] = [:]
        let folder = FileIdentity.access(of: directory)
        for name in names where name.hasSuffix(".so") {
            let path = directory + "/" + name
            if let identity = FileIdentity(path: path, pluginsFolder: folder) { files[path] = identity }
        }
        return files
    }
}
