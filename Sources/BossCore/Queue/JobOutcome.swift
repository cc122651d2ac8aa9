import Synchronization

/// How an execution ended.
public enum JobOutcome: Sendable, Equatable {
    /// The files reached their destination.
    case delivered
    /// The job failed; it is not retried.
    case failed(category: ErrorCategory, message: String)
    /// The job saw its cancellation and stopped.
    case cancelled
}
