import Synchronization

/// Why a job was told to stop.
public enum CancelReason: Sendable, Equatable {
    /// Someone cancelled it (a user, the CLI).
    case requested
    /// It ran past `BOSS_JOB_TIMEOUT_SECONDS` (the limit it was given).
    case deadline(Duration)
    /// The process is shutting down.
    case shutdown
}
