import Foundation
import GRDB

/// The embedded queue store: the jobs table in SQLite (WAL, so readers never block the writer and a
/// killed process leaves a consistent file). One process per scope uses it, held by a lock file beside
/// it; leases, turns and cancel requests are `SQLiteClaims`'s.
public final class JobStore: QueueStore {
    /// The database file.
    public let path: String
    private let database: DatabasePool
    private let leases: SQLiteClaims

    /// Opens (creating and migrating when needed) the database at `path`.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        // WAL + NORMAL: a killed process never corrupts or loses a committed transaction; only a power
        // cut can drop the last ones. It spares an fsync per state change on the queue's hot path.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        // The bot and `boss-host fetch` share the file: wait for the other's short write instead of
        // failing at once; a lock held longer fails and the queue retries later.
        configuration.busyMode = .timeout(1)
        database = try DatabasePool(path: path, configuration: configuration)
        try JobSchema.migrator.migrate(database)
        leases = SQLiteClaims(database: database)
    }

    /// One process per scope, locked by `<path>.<scope>.lock`.
    public var sharing: QueueSharing { .exclusive(lockPrefix: path) }

    /// Counted and inserted in one write transaction.
    public func enqueue(url: String, requester: String, scope: String, context: String, limits: QueueLimits)
        throws -> Job
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
            guard let job = try Job.fetchOne(db, key: db.lastInsertedRowID) else {
                throw QueueError.database("the new job was not found after it was stored")
            }
            return job
        }
    }

    /// The text a time is stored as: GRDB's own form for a `Date` (UTC, to the millisecond), which rows
    /// of earlier versions hold, but written without the ICU formatter GRDB would load for it.
    public static func storedTime(_ date: Date) -> String { UTCTimestamp.databaseText(from: date) }

    /// Read from the WAL snapshot.
    public func job(_ id: JobID) throws -> Job? {
        try database.read { try Job.fetchOne($0, key: id.rawValue) }
    }

    /// Oldest first.
    public func jobs(scope: String, states: Set<JobState>) throws -> [Job] {
        try database.read { db in
            try Job.filter(Column("scope") == scope && states.map(\.rawValue).contains(Column("state")))
                .order(Column("id")).fetchAll(db)
        }
    }

    /// Claims, leases and cancel requests, in the same file.
    public var claims: any QueueClaims { leases }

    /// Clears the dead process's leases too.
    public func recoverInterrupted(scope: String) throws -> [Job] {
        try database.write { db in
            let interrupted = try Job.filter(
                Column("scope") == scope && Column("state") == JobState.running.rawValue
            )
            .order(Column("id")).fetchAll(db)
            try db.execute(
                sql: "UPDATE job SET state = 'queued', worker = NULL, leaseUntil = NULL, updatedAt = ? "
                    + "WHERE scope = ? AND state = 'running'", arguments: [Self.storedTime(Date()), scope])
            return interrupted
        }
    }

    /// Compares the stored UTC text, which sorts as time does.
    @discardableResult
    public func pruneFinished(olderThan cutoff: Date) throws -> Int {
        let finished = JobState.allCases.filter(\.isFinished).map(\.rawValue)
        let before = Self.storedTime(cutoff)
        return try database.write { db in
            try Job.filter(finished.contains(Column("state")) && Column("updatedAt") < before).deleteAll(db)
        }
    }

    /// Nothing to hear: no other process shares a scope of this file.
    public func notices() -> AsyncStream<QueueNotice> { AsyncStream { $0.finish() } }
}
