import Foundation
import GRDB

/// The jobs table in SQLite (WAL, so readers never block the writer and a killed process leaves a
/// consistent file). Every state change of the queue is written here before it is acted on.
public final class JobStore: Sendable {
    /// The database file.
    public let path: String
    private let database: DatabasePool

    /// Opens (creating and migrating when needed) the database at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        // WAL + NORMAL: a killed process never corrupts or loses a committed transaction; only a power
        // cut can drop the last ones. It spares an fsync per state change on the queue's hot path.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        // The bot and `boss-host fetch` share the file: wait for the other's short write instead of
        // failing at once; a lock held longer fails and the queue retries later, outside its actor.
        configuration.busyMode = .timeout(1)
        database = try DatabasePool(path: path, configuration: configuration)
        try JobSchema.migrator.migrate(database)
    }

    /// Stores a new queued job unless `scope` already has `limits.maxWaiting` queued jobs, or
    /// `requester` `limits.maxWaitingPerRequester` (one transaction): those throw `QueueError`.
    func enqueue(url: String, requester: String, scope: String, context: String, limits: QueueLimits)
        throws -> Job?
    {
        try database.write { db in
            let waiting = Job.filter(Column("scope") == scope && Column("state") == JobState.queued.rawValue)
            guard try waiting.fetchCount(db) < limits.maxWaiting else {
                throw QueueError.full(limit: limits.maxWaiting)
            }
            guard
                try waiting.filter(Column("requester") == requester).fetchCount(db)
                    < limits.maxWaitingPerRequester
            else { throw QueueError.requesterFull(limit: limits.maxWaitingPerRequester) }
            let now = Self.storedTime(Date())
            try db.execute(
                sql: """
                    INSERT INTO job (url, requester, scope, context, state, attempts, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, 'queued', 0, ?, ?)
                    """, arguments: [url, requester, scope, context, now, now])
            return try Job.fetchOne(db, key: db.lastInsertedRowID)
        }
    }

    /// The text a time is stored as: GRDB's own form for a `Date` (UTC, to the millisecond), which rows
    /// of earlier versions hold, but written without the ICU formatter GRDB would load for it.
    public static func storedTime(_ date: Date) -> String { UTCTimestamp.databaseText(from: date) }

    /// The job with `id`.
    public func job(_ id: JobID) throws -> Job? {
        try database.read { try Job.fetchOne($0, key: id.rawValue) }
    }

    /// Jobs of `scope` in `states`, oldest first.
    public func jobs(scope: String, states: Set<JobState>) throws -> [Job] {
        try database.read { db in
            try Job.filter(Column("scope") == scope && states.map(\.rawValue).contains(Column("state")))
                .order(Column("id")).fetchAll(db)
        }
    }

    /// Moves a job to `state`; `countsAsAttempt` when a worker starts it, `refundsAttempt` when a
    /// graceful shutdown (not a crash) interrupted it.
    @discardableResult
    func transition(
        _ id: JobID, to state: JobState, failure: (ErrorCategory, String)? = nil,
        countsAsAttempt: Bool = false, refundsAttempt: Bool = false
    ) throws -> Job? {
        try database.write { db in
            guard var job = try Job.fetchOne(db, key: id.rawValue) else { return nil }
            job.state = state
            job.updatedAt = Date()
            if countsAsAttempt { job.attempts += 1 }
            if refundsAttempt { job.attempts = max(0, job.attempts - 1) }
            job.failureCategory = failure?.0
            job.failureMessage = failure?.1
            try job.update(db)
            return job
        }
    }

    /// After a crash: `scope`'s jobs still marked running go back to queued. Returns them.
    func recoverInterrupted(scope: String) throws -> [Job] {
        try database.write { db in
            let interrupted = try Job.filter(
                Column("scope") == scope && Column("state") == JobState.running.rawValue
            )
            .order(Column("id")).fetchAll(db)
            for var job in interrupted {
                job.state = .queued
                job.updatedAt = Date()
                try job.update(db)
            }
            return interrupted
        }
    }

    /// How long finished jobs stay in the database (for `queue`, status and investigations).
    public static let retention: TimeInterval = 30 * 24 * 3600

    /// Deletes finished jobs last changed before `cutoff`; queued and running ones are never touched.
    /// Returns how many rows went.
    @discardableResult
    public func pruneFinished(olderThan cutoff: Date) throws -> Int {
        let finished = JobState.allCases.filter(\.isFinished).map(\.rawValue)
        let before = Self.storedTime(cutoff)
        return try database.write { db in
            try Job.filter(finished.contains(Column("state")) && Column("updatedAt") < before).deleteAll(db)
        }
    }
}
