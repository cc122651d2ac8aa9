import BossCore
import Foundation
import Logging
import PostgresNIO

/// The shared queue store (`BOSS_QUEUE_URL=postgres://…`): the `boss_job` table of one PostgreSQL
/// database, used by every gateway and worker process of a bot at once. Workers claim jobs with
/// `FOR UPDATE SKIP LOCKED` under leases (`PostgresClaims`); new jobs and cancel requests reach the
/// other processes through LISTEN/NOTIFY (`PostgresNoticeListener`).
public final class PostgresQueueStore: QueueStore {
    private let session: PostgresSession
    private let leases: PostgresClaims
    private let listener: PostgresNoticeListener

    /// Connects to `url` and creates or migrates the schema; throws when the database cannot be reached
    /// or its schema is newer than this version.
    public init(url: PostgresQueueURL, logger: Logger) throws {
        session = PostgresSession(configuration: url.configuration, logger: logger)
        leases = PostgresClaims(session: session)
        listener = PostgresNoticeListener(configuration: url.configuration, logger: logger)
        try PostgresSchema.migrate(session, logger: logger)
    }

    deinit { session.close() }

    /// Shared by many processes: leases instead of a lock.
    public var sharing: QueueSharing { .shared }

    /// Counted and inserted under a per-scope advisory lock, then announced with NOTIFY.
    public func enqueue(url: String, requester: String, scope: String, context: String, limits: QueueLimits)
        throws -> Job
    {
        try session.transaction { transaction in
            // One enqueue per scope at a time across every process, so the limits are counted exactly.
            try transaction.run("SELECT pg_advisory_xact_lock(hashtext(\("boss_job:" + scope)))")
            let counts = try transaction.run(
                """
                SELECT count(*), count(*) FILTER (WHERE requester = \(requester))
                FROM boss_job WHERE scope = \(scope) AND state = 'queued'
                """)
            guard let row = counts.first else {
                throw QueueError.database("counting the waiting jobs returned nothing")
            }
            let (waiting, mine) = try row.decode((Int64, Int64).self)
            guard waiting < limits.maxWaiting else { throw QueueError.full(limit: limits.maxWaiting) }
            guard mine < limits.maxWaitingPerRequester else {
                throw QueueError.requesterFull(limit: limits.maxWaitingPerRequester)
            }
            let inserted = try transaction.run(
                """
                INSERT INTO boss_job (url, requester, scope, context, state)
                VALUES (\(url), \(requester), \(scope), \(context), 'queued') RETURNING \(unescaped: PostgresJobRow.columns)
                """)
            try transaction.run("SELECT pg_notify('boss_queue', \("queued:" + scope))")
            guard let job = try PostgresJobRow.decodeAll(inserted).first else {
                throw QueueError.database("the new job was not returned by its INSERT")
            }
            return job
        }
    }

    /// One row by id.
    public func job(_ id: JobID) throws -> Job? {
        try PostgresJobRow.decodeAll(
            session.run("SELECT \(unescaped: PostgresJobRow.columns) FROM boss_job WHERE id = \(id.rawValue)")
        ).first
    }

    /// Oldest first.
    public func jobs(scope: String, states: Set<JobState>) throws -> [Job] {
        try PostgresJobRow.decodeAll(
            session.run(
                """
                SELECT \(unescaped: PostgresJobRow.columns) FROM boss_job
                WHERE scope = \(scope) AND state = ANY(\(states.map(\.rawValue).sorted())) ORDER BY id
                """))
    }

    /// Claims under leases, cancel requests announced with NOTIFY.
    public var claims: any QueueClaims { leases }

    /// Not used by the queue (leases recover a dead worker's jobs), but an operator's tool: every job
    /// of `scope` marked running goes back to queued.
    public func recoverInterrupted(scope: String) throws -> [Job] {
        try PostgresJobRow.decodeAll(
            session.run(
                """
                UPDATE boss_job SET state = 'queued', worker = NULL, lease_until = NULL, updated_at = now()
                WHERE scope = \(scope) AND state = 'running' RETURNING \(unescaped: PostgresJobRow.columns)
                """))
    }

    /// Compared on the database's `timestamptz`.
    @discardableResult
    public func pruneFinished(olderThan cutoff: Date) throws -> Int {
        let deleted = try session.run(
            """
            DELETE FROM boss_job WHERE state IN ('delivered', 'failed', 'cancelled') AND updated_at < \(cutoff)
            RETURNING id
            """)
        return deleted.count
    }

    /// New jobs and cancel requests from every process, while the stream is iterated.
    public func notices() -> AsyncStream<QueueNotice> { listener.notices() }
}
