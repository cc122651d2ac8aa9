import BossCore
import Foundation
import Logging
import TestSupport

/// A plugins folder and a loader over it, with the real host services.
struct LoaderHarness {
    let folder: TemporaryFolder
    var root: String { folder.path }
    var plugins: String { root + "/plugins.d" }
    var staging: String { root + "/staging" }
    let registry = PluginRegistry()

    init() throws {
        folder = try TemporaryFolder(prefix: "boss-loader")
        for path in [plugins, staging] {
            // Explicit modes: the loader refuses group-writable folders, whatever the umask.
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
    }

    func loader(policy: PluginFilePolicy = PluginFilePolicy(), registry: PluginRegistry? = nil)
        -> PluginLoader
    {
        PluginLoader(
            directory: plugins, cacheDirectory: root + "/cache",
            hostFactory: PluginHostFactory(
                environment: HostEnvironment(values: [:]), logger: Logger(label: "test")),
            registry: registry ?? self.registry, logger: Logger(label: "test"), policy: policy)
    }

    /// Builds the fixture with `defines` straight into the plugins folder.
    @discardableResult
    func fixture(_ name: String, _ defines: [String: String] = [:]) throws -> String {
        try CPluginBuilder.build(source: "fixture_plugin.c", defines: defines, into: plugins, name: name)
    }

    /// Builds elsewhere, then renames into the plugins folder, as an operator installs with `mv`.
    func install(_ name: String, source: String = "fixture_plugin.c", _ defines: [String: String] = [:])
        throws
    {
        let built = try CPluginBuilder.build(source: source, defines: defines, into: staging, name: name)
        guard rename(built, plugins + "/" + name) == 0 else { throw POSIXError(.EIO) }
    }

    func cleanUp() { folder.remove() }
}

/// Reads an exported counter of an already-loaded image (RTLD_NOLOAD: never maps a new one).
func exportedCounter(_ symbol: String, in imagePath: String) -> Int32? {
    guard let handle = dlopen(imagePath, RTLD_NOW | RTLD_NOLOAD), let address = dlsym(handle, symbol) else {
        return nil
    }
    return unsafeBitCast(address, to: (@convention(c) () -> Int32).self)()
}

/// `"text"` as a C string literal for -D.
func quoted(_ text: String) -> String { "\"\(text)\"" }

extension PluginLoadError {
    /// The reason when this is `.notLoadable`, else nil: for `try #require`, which fails on any other error.
    var notLoadableReason: String? {
        guard case .notLoadable(let reason) = self else { return nil }
        return reason
    }

    /// The refused path and the reason when this is `.insecure`, else nil.
    var insecurity: (path: String, reason: String)? {
        guard case .insecure(let path, let reason) = self else { return nil }
        return (path, reason)
    }
}
