/// What a started queue holds until it closes: the scope's lock when its store serves one process per
/// scope, and the lease beat. Owned by one `DownloadQueue` and used on its actor.
final class QueueHold {
    private let store: any QueueStore
    private let scope: String
    private let leaseDuration: Duration
    private let heartbeat = QueueHeartbeat()
    private var scopeLock: ScopeLock?
    /// Between `open` and `close`: the queue dispatches, renews and retries.
    private(set) var isOpen = false

    init(store: any QueueStore, scope: String, leaseDuration: Duration) {
        self.store = store
        self.scope = scope
        self.leaseDuration = leaseDuration
    }

    /// Takes the lock the store asks for; throws `QueueError.scopeBusy` while another process holds it.
    func lock() throws(QueueError) {
        if case .exclusive(let prefix) = store.sharing {
            scopeLock = try ScopeLock(path: prefix + ".\(scope).lock", scope: scope)
        }
    }

    /// Starts the beat of `queue`, every third of the lease.
    func open(_ queue: DownloadQueue) {
        isOpen = true
        heartbeat.start(queue, store: store, every: leaseDuration / 3)
    }

    /// Stops the beat and releases the lock (the next process of the scope may start).
    func close() {
        isOpen = false
        heartbeat.stop()
        scopeLock?.release()
        scopeLock = nil
    }
}
