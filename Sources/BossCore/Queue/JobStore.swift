import Foundation
import GRDB

/// The jobs table in SQLite (WAL, so readers never block the writer and a killed process leaves a
/// consistent file). Every state change of the queue is written here before it is acted on.
public final class JobStore: Sendable {
    /// The database file.
    public let path: String
    let database: DatabasePool

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
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: jobs") { db in
            try db.create(table: Job.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("url", .text).notNull()
                table.column("requester", .text).notNull()
                table.column("scope", .text).notNull()
                table.column("context", .text).notNull()
                table.column("state", .text).notNull()
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("failureCategory", .text)
                table.column("failureMessage", .text)
                table.column("createdAt", .datetime).notNull()
                table.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "job_scope_state", on: Job.databaseTableName, columns: ["scope", "state"])
        }
        try migrator.migrate(database)
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
            let now = Date()
            try db.execute(
                sql: """
                    INSERT INTO job (url, requester, scope, context, state, attempts, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, 'queued', 0, ?, ?)
                    """, arguments: [url, requester, scope, context, now, now])
            return try Job.fetchOne(db, key: db.lastInsertedRowID)
        }
    }

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
}

extension Job: FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "job"
}
