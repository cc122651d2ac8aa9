import Foundation
import PluginABI
import Synchronization

/// A plugin instance created from a loaded image. Its image is never unloaded (Swift code must not be
/// dlclose'd); a retired plugin takes no new jobs and is destroyed once its last `extract` returns.
public final class LoadedPlugin: @unchecked Sendable {
    // @unchecked: `functions` and `instance` are C pointers written once at load; calls through them
    // follow the ABI's thread rules, which `extract` enforces (serialized unless thread-safe).
    /// The validated descriptor.
    public let manifest: PluginManifest
    /// The file in the plugins directory.
    public let sourcePath: String
    /// The private copy that was dlopen'ed.
    public let imagePath: String
    /// When it was loaded.
    public let loadedAt = Date()
    let patterns: [URLPattern]
    let identity: FileIdentity
    private let instance: UnsafeMutableRawPointer
    private let functions: PluginFunctions
    private let host: PluginHost
    private let serial = Mutex(())
    private let lifecycle = Mutex(Lifecycle())
    private let lastHealth = Mutex<String?>(nil)

    private struct Lifecycle {
        var active = 0
        var retired = false
        var destroyed = false
    }

    init(
        manifest: PluginManifest, patterns: [URLPattern], image: PluginImage, identity: FileIdentity,
        functions: PluginFunctions, instance: UnsafeMutableRawPointer, host: PluginHost
    ) {
        self.manifest = manifest
        self.patterns = patterns
        sourcePath = image.sourcePath
        imagePath = image.imagePath
        self.identity = identity
        self.functions = functions
        self.instance = instance
        self.host = host
    }

    /// Whether one of the plugin's patterns matches `url`.
    public func claims(_ url: String) -> Bool { patterns.contains { $0.matches(url) } }

    /// Calls the plugin's `extract` on the calling thread (a dedicated job thread).
    public func extract(job: OpaquePointer, url: String) -> boss_status {
        guard enter(evenIfRetired: true) else { return BOSS_ERR_UNSUPPORTED_URL }
        defer { leave() }
        let extract = functions.extract
        return PluginCall.$current.withValue(PluginCall(pluginID: manifest.id, job: UInt(bitPattern: job))) {
            if manifest.isThreadSafe { return extract(instance, job, url) }
            return serial.withLock { _ in extract(instance, job, url) }
        }
    }

    /// The plugin's own health report: nil when healthy, retired, or without a `health` function. It
    /// counts as a call like `extract` (destroy waits for it); a plugin that is not thread-safe is not
    /// called while it runs another call: its last report is returned instead of waiting for a download.
    public var health: String? {
        guard let health = functions.health, enter(evenIfRetired: false) else { return nil }
        defer { leave() }
        let report = { [instance] in health(instance).map { String(cString: $0) } }
        let fresh: String?? =
            manifest.isThreadSafe ? .some(report()) : serial.withLockIfAvailable { _ in report() }
        guard let fresh else { return lastHealth.withLock { $0 } }  // busy: the last report
        lastHealth.withLock { $0 = fresh }
        return fresh
    }

    /// Whether the plugin was replaced or removed.
    public var isRetired: Bool { lifecycle.withLock { $0.retired } }

    /// Takes no new jobs; destroys the instance once no `extract` or `health` call runs.
    func retire() {
        let destroyNow = lifecycle.withLock { state in
            state.retired = true
            return state.active == 0 && !state.destroyed ? Self.markDestroyed(&state) : false
        }
        if destroyNow { functions.destroy(instance) }
    }

    /// Counts a call in, unless the instance is destroyed (or retired, unless `evenIfRetired`).
    private func enter(evenIfRetired: Bool) -> Bool {
        lifecycle.withLock { state in
            guard !state.destroyed, evenIfRetired || !state.retired else { return false }
            state.active += 1
            return true
        }
    }

    private func leave() {
        let destroyNow = lifecycle.withLock { state in
            state.active -= 1
            return state.retired && state.active == 0 && !state.destroyed ? Self.markDestroyed(&state) : false
        }
        if destroyNow { functions.destroy(instance) }
    }

    private static func markDestroyed(_ state: inout Lifecycle) -> Bool {
        state.destroyed = true
        return true
    }
}
