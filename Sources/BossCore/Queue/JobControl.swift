import Synchronization

/// The shared handle between the queue and the executor of one running job: cancellation one way,
/// progress the other. Thread-safe; plugin threads call it directly.
public final class JobControl: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let reason = Mutex<CancelReason?>(nil)
    private let progressState = Mutex(JobProgress())

    /// Creates a control for a job that is not cancelled and has made no progress.
    public init() {}

    /// Whether cancellation was requested.
    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }
    /// Why the job was cancelled; the first reason given wins. Nil while it runs on.
    public var cancelReason: CancelReason? { reason.withLock { $0 } }
    /// Requests cancellation; the executor stops at its next check.
    public func cancel(_ why: CancelReason = .requested) {
        reason.withLock { $0 = $0 ?? why }
        cancelled.store(true, ordering: .releasing)
    }

    /// The latest progress reported.
    public var progress: JobProgress { progressState.withLock { $0 } }
    /// Records progress (called from plugin threads).
    public func report(_ progress: JobProgress) { progressState.withLock { $0 = progress } }
}
