/// How a job's run ended, as the queue stores it. Kept in memory until it is stored, so an end the
/// database refused is written once it takes writes again rather than lost.
enum JobEnding: Sendable, Equatable {
    /// The executor's verdict.
    case outcome(JobOutcome)
    /// A graceful shutdown interrupted it: queued again, its attempt refunded.
    case interrupted

    /// Stores the end of job `id`, run by `worker`; returns the job as stored (nil when the row is gone
    /// or another worker took the job over).
    func record(_ id: JobID, in store: any QueueStore, worker: String) throws -> Job? {
        let (state, failure): (JobState, (ErrorCategory, String)?) =
            switch self {
            case .interrupted: (.queued, nil)
            case .outcome(.delivered): (.delivered, nil)
            case .outcome(.cancelled): (.cancelled, nil)
            case .outcome(.failed(let category, let message)): (.failed, (category, message))
            }
        return try store.claims.finish(
            id, to: state, failure: failure, refundsAttempt: self == .interrupted, worker: worker)
    }
}
