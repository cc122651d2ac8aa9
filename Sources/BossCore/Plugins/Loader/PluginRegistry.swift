import Synchronization

/// The plugins that take jobs, ordered for routing, and the files that failed to load.
public final class PluginRegistry: Sendable {
    private struct State {
        var active: [LoadedPlugin] = []
        var failures: [String: (failure: PluginLoadFailure, identity: FileIdentity?)] = [:]
    }
    private let state = Mutex(State())

    /// An empty registry.
    public init() {}

    /// The highest-priority active plugin with a pattern matching `url` (ties: the smaller id).
    public func route(_ url: String) -> LoadedPlugin? {
        let active = state.withLock { $0.active }
        return active.first { $0.claims(url) }
    }

    /// Every active plugin to try for `url`, in order: those whose patterns match it by priority, then
    /// the fallback plugins (`BOSS_PLUGIN_FALLBACK`) that do not match it.
    public func candidates(_ url: String) -> [LoadedPlugin] {
        let active = state.withLock { $0.active }
        let claiming = active.filter { $0.claims(url) }
        return claiming + active.filter { $0.manifest.isFallback && !$0.claims(url) }
    }

    /// Active plugins in routing order.
    public var plugins: [LoadedPlugin] { state.withLock { $0.active } }

    /// Files that failed to load, by file name.
    public var failures: [PluginLoadFailure] {
        state.withLock { $0.failures.values.map(\.failure) }.sorted { $0.path < $1.path }
    }

    /// The active plugin with `id`.
    public func plugin(id: String) -> LoadedPlugin? {
        state.withLock { $0.active.first { $0.manifest.id == id } }
    }

    /// The active plugin loaded from `path`.
    func plugin(path: String) -> LoadedPlugin? {
        state.withLock { $0.active.first { $0.sourcePath == path } }
    }

    /// Makes `plugin` active in place of `replaced` (if any), and clears its path's failure.
    func install(_ plugin: LoadedPlugin, replacing replaced: LoadedPlugin?) {
        state.withLock { state in
            state.active.removeAll { $0 === replaced }
            state.active.append(plugin)
            state.active.sort {
                ($0.manifest.priority, $1.manifest.id) > ($1.manifest.priority, $0.manifest.id)
            }
            state.failures[plugin.sourcePath] = nil
        }
    }

    /// Deactivates the plugin loaded from `path`, if any, and forgets the path's failure.
    func remove(path: String) -> LoadedPlugin? {
        state.withLock { state in
            state.failures[path] = nil
            guard let index = state.active.firstIndex(where: { $0.sourcePath == path }) else { return nil }
            return state.active.remove(at: index)
        }
    }

    func recordFailure(_ failure: PluginLoadFailure, identity: FileIdentity?) {
        state.withLock { $0.failures[failure.path] = (failure, identity) }
    }

    /// The identity of the file whose failure is recorded at `path`.
    func failedIdentity(path: String) -> FileIdentity?? {
        state.withLock { $0.failures[path].map(\.identity) }
    }

    /// Every path the registry knows, loaded or failed.
    var knownPaths: Set<String> {
        state.withLock { Set($0.active.map(\.sourcePath)).union($0.failures.keys) }
    }
}
