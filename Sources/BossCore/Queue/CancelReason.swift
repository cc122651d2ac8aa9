import Synchronization

/// Why a job was told to stop.
public enum CancelReason: Sendable, Equatable {
    /// Someone cancelled it (a user, the CLI).
    case requested
    /// It ran past `BOSS_JOB_TIMEOUT_SECONDS` (the limit it was given).
    case deadline(Duration)
    /// The process is shutting down.
    case shutdown
    /// The worker lost its lease (it could not renew it in time) and another worker took the job over.
    case leaseLost
}
