import Logging
import Synchronization

/// Bounds every job by a time limit (`BOSS_JOB_TIMEOUT_SECONDS`), whatever runs it: at the deadline
/// the job's control is cancelled with `.deadline`, which ends host transfers, proxy tunnels and child
/// processes within a second; the executor then reports the job as too slow. A plugin that ignores
/// cancellation is given `abandonAfter` more, then the job is failed without it (its thread finishes
/// on its own; the queue's slot does not wait for it).
public struct DeadlineExecutor: JobExecutor {
    private let inner: any JobExecutor
    private let timeout: Duration
    private let abandonAfter: Duration
    private let logger: Logger

    /// Wraps `inner` so that no job runs longer than `timeout` (plus `abandonAfter` for one that
    /// ignores being stopped).
    public init(
        _ inner: any JobExecutor, timeout: Duration, abandonAfter: Duration = .seconds(10), logger: Logger
    ) {
        self.inner = inner
        self.timeout = timeout
        self.abandonAfter = abandonAfter
        self.logger = logger
    }

    /// Runs the job under its deadline.
    public func execute(_ job: Job, control: JobControl) async -> JobOutcome {
        let timeout = self.timeout
        let timer = Task {
            try await Task.sleep(for: timeout)
            control.cancel(.deadline(timeout))
        }
        defer { timer.cancel() }
        let inner = self.inner
        let work = Task { await inner.execute(job, control: control) }
        let outcome = await FirstOf.value(await work.value, orAfter: timeout + abandonAfter)
        let message = ExtractionError.timedOut(limit: timeout).userMessage
        guard let outcome else {
            logger.error(
                "job \(job.id) did not stop within \(abandonAfter) of its deadline; failed without waiting",
                metadata: ["url": "\(job.url)"])
            await inner.abandon(job, reason: message)
            return .failed(category: .limit, message: message)
        }
        if case .deadline = control.cancelReason, outcome == .cancelled {
            return .failed(category: .limit, message: message)
        }
        return outcome
    }

    /// Passes the queue's word on to the wrapped executor.
    public func abandon(_ job: Job, reason: String) async { await inner.abandon(job, reason: reason) }

    /// Passes the queue's word on to the wrapped executor.
    public func delayed(_ job: Job, reason: String) async { await inner.delayed(job, reason: reason) }
}
