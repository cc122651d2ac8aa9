import BossCore
import Logging
import ServiceLifecycle

/// Reloads plugins dropped into the plugins directory while the bot runs.
struct PluginWatcherService: Service {
    let watcher: PluginDirectoryWatcher

    func run() async throws {
        watcher.start()
        try? await gracefulShutdown()
        watcher.stop()
    }
}
