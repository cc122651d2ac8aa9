/// How a job's run ended, as the queue stores it. Kept in memory until it is stored, so an end the
/// database refused is written once it takes writes again rather than lost.
enum JobEnding: Sendable, Equatable {
    /// The executor's verdict.
    case outcome(JobOutcome)
    /// A graceful shutdown interrupted it: queued again, its attempt refunded.
    case interrupted

    /// Stores the end of job `id`; returns the job as stored (nil when the row is gone).
    func record(_ id: JobID, in store: JobStore) throws -> Job? {
        switch self {
        case .interrupted: try store.transition(id, to: .queued, refundsAttempt: true)
        case .outcome(.delivered): try store.transition(id, to: .delivered)
        case .outcome(.cancelled): try store.transition(id, to: .cancelled)
        case .outcome(.failed(let category, let message)):
            try store.transition(id, to: .failed, failure: (category, message))
        }
    }
}
