import Foundation
import Synchronization

/// Rescans the plugins directory on its own thread, so that plugins copied in while the host runs are
/// live within two polls (a file must look the same twice in a row before it is loaded).
public final class PluginDirectoryWatcher: Sendable {
    private let loader: PluginLoader
    private let interval: Duration
    private let running = Atomic<Bool>(false)

    /// A watcher polling every `interval`.
    public init(loader: PluginLoader, interval: Duration = .milliseconds(500)) {
        self.loader = loader
        self.interval = interval
    }

    /// Starts polling (once).
    public func start() {
        guard
            running.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing)
                .exchanged
        else {
            return
        }
        let thread = Thread { [self] in
            while running.load(ordering: .acquiring) {
                _ = loader.rescan()
                Thread.sleep(forTimeInterval: interval / .seconds(1))
            }
        }
        thread.name = "plugin-watcher"
        thread.start()
    }

    /// Stops after the current poll.
    public func stop() { running.store(false, ordering: .releasing) }
}
