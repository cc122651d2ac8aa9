import Foundation
import Synchronization

/// Rescans the plugins directory on its own thread when inotify reports a file renamed in, written and
/// closed, deleted, or its owner, mode or times changed there, so a plugin moved in takes jobs within
/// milliseconds. The loader loads a file only once it looks the same in two scans in a row, so a change
/// is scanned until a scan is followed by `settle` without events, and then once more. A slow rescan every `fallbackInterval` catches
/// what inotify cannot report; while the directory cannot be watched (it does not exist, no inotify) the
/// thread rescans every second instead. Every scan runs on this one thread: never two at once.
public final class PluginDirectoryWatcher: Sendable {
    private enum State: Int { case idle, running, stopped }

    private let loader: PluginLoader
    private let fallbackInterval: Duration
    private let settle: Duration
    private let state = Atomic<Int>(State.idle.rawValue)
    private let wake = WakeSignal()

    /// A watcher of `loader`'s directory, with a full rescan every `fallbackInterval` and `settle` of
    /// quiet before a change's confirming scan.
    public init(
        loader: PluginLoader, fallbackInterval: Duration = .seconds(30), settle: Duration = .milliseconds(20)
    ) {
        self.loader = loader
        self.fallbackInterval = fallbackInterval
        self.settle = settle
    }

    /// Starts watching (once; a stopped watcher stays stopped). When it returns the directory is watched
    /// (if it exists), so a file put there afterwards is seen.
    public func start() {
        guard
            state.compareExchange(
                expected: State.idle.rawValue, desired: State.running.rawValue,
                ordering: .acquiringAndReleasing
            ).exchanged
        else { return }
        let events = DirectoryEvents(directory: loader.directory, wake: wake, logger: loader.logger)
        let thread = Thread { [self] in watch(events) }
        thread.name = "plugin-watcher"
        thread.start()
    }

    /// Stops watching: the thread ends at once, or after the scan it is running.
    public func stop() {
        state.store(State.stopped.rawValue, ordering: .releasing)
        wake.signal()
    }

    private var isRunning: Bool { state.load(ordering: .acquiring) == State.running.rawValue }

    private func watch(_ events: DirectoryEvents) {
        var deadline = ContinuousClock.now
        while isRunning {
            switch events.wait(until: deadline) {
            case .woken: return
            case .changed: scanUntilSettled(events)
            // The periodic rescan is a single scan: its second sighting of a file is the next one, a full
            // interval later, so a file that inotify could not report is loaded only once it stood still.
            case .quiet: _ = loader.rescan()
            }
            deadline = .now + (events.isWatching ? fallbackInterval : .seconds(1))
        }
    }

    /// Scans, and again after every burst of events, until `settle` passes quietly; then the confirming
    /// scan that loads the files that did not change meanwhile, unless a file is still being written
    /// (its close brings the next `.changed`).
    private func scanUntilSettled(_ events: DirectoryEvents) {
        var change = DirectoryChange.changed
        while change == .changed && isRunning {
            _ = loader.rescan()
            change = events.wait(until: .now + settle)
        }
        if change == .quiet && !events.isBeingWritten && isRunning { _ = loader.rescan() }
    }
}
