import Synchronization

/// Runs one job to its end: extraction and delivery. Implemented outside the queue (the queue knows
/// nothing of plugins or Discord) and called by the queue's workers.
public protocol JobExecutor: Sendable {
    /// Executes `job` and reports how it ended. Must return promptly once `control.isCancelled`.
    func execute(_ job: Job, control: JobControl) async -> JobOutcome
    /// The queue dropped `job` without running it (it crashed the process `maxAttempts` times); tell
    /// whoever asked. `reason` is the user-facing sentence stored with the job.
    func abandon(_ job: Job, reason: String) async
    /// The queue cannot start `job` for now (its database refuses writes); it waits and starts once
    /// the database recovers. Tell whoever asked; called once per job. `reason` is user-facing.
    func delayed(_ job: Job, reason: String) async
}

extension JobExecutor {
    /// By default nobody is told beyond the stored failure.
    public func abandon(_ job: Job, reason: String) async {}
    /// By default nobody is told; the job starts later.
    public func delayed(_ job: Job, reason: String) async {}
}

/// How an execution ended.
public enum JobOutcome: Sendable, Equatable {
    /// The files reached their destination.
    case delivered
    /// The job failed; it is not retried.
    case failed(category: ErrorCategory, message: String)
    /// The job saw its cancellation and stopped.
    case cancelled
}

/// Progress of a running job in bytes (`total` is 0 when unknown).
public struct JobProgress: Sendable, Equatable {
    /// Bytes done so far.
    public var done: UInt64
    /// Bytes expected in all; 0 when unknown.
    public var total: UInt64
    /// Creates a progress value.
    public init(done: UInt64 = 0, total: UInt64 = 0) {
        self.done = done
        self.total = total
    }
}

/// Why a job was told to stop.
public enum CancelReason: Sendable, Equatable {
    /// Someone cancelled it (a user, the CLI).
    case requested
    /// It ran past `BOSS_JOB_TIMEOUT_SECONDS` (the limit it was given).
    case deadline(Duration)
    /// The process is shutting down.
    case shutdown
}

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
