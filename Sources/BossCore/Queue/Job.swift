import Foundation

/// The identity of a download job: the row id in the queue database.
public struct JobID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The database row id.
    public let rawValue: Int64
    /// Wraps a row id.
    public init(rawValue: Int64) { self.rawValue = rawValue }
    /// The decimal row id, as users type it in `cancel JOB`.
    public var description: String { String(rawValue) }
    /// Orders jobs by creation.
    public static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a job is in its life. Only `queued` and `running` are unfinished.
public enum JobState: String, Sendable, Codable, CaseIterable {
    /// Waiting for a free worker.
    case queued
    /// A worker is executing it.
    case running
    /// Its files reached their destination.
    case delivered
    /// It ended with an error (see `Job.failureCategory` and `Job.failureMessage`).
    case failed
    /// Someone cancelled it.
    case cancelled

    /// Whether the job can still change state.
    public var isFinished: Bool { self != .queued && self != .running }
}

/// A download request as the queue stores it. The queue does not interpret `url` or `context`.
public struct Job: Sendable, Equatable, Codable {
    /// How long a finished job stays stored (for `queue`, status and investigations), in either store.
    public static let retention: TimeInterval = 30 * 24 * 3600

    /// Assigned by the queue when the job is stored.
    public var id: JobID
    /// What to download.
    public var url: String
    /// Who asked; fairness is round-robin across requesters.
    public var requester: String
    /// Which front end owns the job ("cli", "discord"): each process only runs and recovers its own.
    public var scope: String
    /// Opaque data of the front end (e.g. where to deliver); the queue stores it unchanged.
    public var context: String
    /// The current state.
    public var state: JobState
    /// How many times a worker started it (more than 1 after a crash recovery).
    public var attempts: Int
    /// Set when `state == .failed`.
    public var failureCategory: ErrorCategory?
    /// The user-facing failure message when `state == .failed`.
    public var failureMessage: String?
    /// When the job was enqueued.
    public var createdAt: Date
    /// When the job last changed state.
    public var updatedAt: Date

    /// A job as a store read it back.
    public init(
        id: JobID, url: String, requester: String, scope: String, context: String, state: JobState,
        attempts: Int, failureCategory: ErrorCategory?, failureMessage: String?, createdAt: Date,
        updatedAt: Date
    ) {
        (self.id, self.url, self.requester, self.scope, self.context) = (id, url, requester, scope, context)
        (self.state, self.attempts, self.failureCategory) = (state, attempts, failureCategory)
        (self.failureMessage, self.createdAt, self.updatedAt) = (failureMessage, createdAt, updatedAt)
    }
}
