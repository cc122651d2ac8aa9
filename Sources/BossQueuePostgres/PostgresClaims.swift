import BossCore
import Foundation
import PostgresNIO

/// The PostgreSQL store's claims (`PostgresQueueStore.claims`): the next job in fair order taken with `FOR UPDATE SKIP LOCKED` (two
/// workers never wait on, or take, the same row), leases computed by the database's clock (hosts'
/// clocks may differ), ends stored only by the lease's holder, and cancel requests announced with NOTIFY.
public struct PostgresClaims: QueueClaims {
    let session: PostgresSession

    /// Read from the `turn` each claim stamps from the `boss_job_turn` sequence.
    public func lastTurns(scope: String) throws -> [String: Int64] {
        let rows = try session.run(
            """
            SELECT requester, max(turn) FROM boss_job WHERE scope = \(scope) AND turn IS NOT NULL GROUP BY requester
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { try $0.decode((String, Int64).self) })
    }

    /// One statement: a row another worker is claiming is skipped, never waited for.
    public func claimNext(scope: String, lease: JobLease) throws -> Job? {
        try PostgresJobRow.decodeAll(
            session.run(
                """
                UPDATE boss_job SET state = 'running', attempts = attempts + 1, worker = \(lease.worker),
                    lease_until = now() + make_interval(secs => \(seconds(lease))), turn = nextval('boss_job_turn'),
                    cancel_requested = false, updated_at = now()
                WHERE id = (
                    SELECT j.id FROM boss_job j
                    WHERE j.scope = \(scope) AND (j.state = 'queued'
                        OR (j.state = 'running' AND j.lease_until < now() AND j.worker <> \(lease.worker)))
                    ORDER BY COALESCE((SELECT max(k.turn) FROM boss_job k
                        WHERE k.scope = j.scope AND k.requester = j.requester), -1), j.id
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: PostgresJobRow.columns)
                """)
        ).first
    }

    /// Renews only rows still `running` under `lease.worker`.
    public func renew(_ ids: [JobID], lease: JobLease) throws -> LeaseRenewal {
        let rows = try session.run(
            """
            UPDATE boss_job SET lease_until = now() + make_interval(secs => \(seconds(lease)))
            WHERE id = ANY(\(ids.map(\.rawValue))) AND state = 'running' AND worker = \(lease.worker)
            RETURNING id, cancel_requested
            """)
        var renewal = LeaseRenewal(lost: Set(ids))
        for row in rows {
            let (id, cancelRequested) = try row.decode((Int64, Bool).self)
            renewal.lost.remove(JobID(rawValue: id))
            if cancelRequested { renewal.cancelRequested.insert(JobID(rawValue: id)) }
        }
        return renewal
    }

    /// Writes only a row still `running` under `worker`.
    public func finish(
        _ id: JobID, to state: JobState, failure: (ErrorCategory, String)?, refundsAttempt: Bool,
        worker: String
    ) throws -> Job? {
        try PostgresJobRow.decodeAll(
            session.run(
                """
                UPDATE boss_job SET state = \(state.rawValue), failure_category = \(failure?.0.rawValue),
                    failure_message = \(failure?.1), worker = NULL, lease_until = NULL,
                    attempts = greatest(0, attempts - \(refundsAttempt ? 1 : 0)), updated_at = now()
                WHERE id = \(id.rawValue) AND state = 'running' AND worker = \(worker)
                RETURNING \(unescaped: PostgresJobRow.columns)
                """)
        ).first
    }

    /// A running job gets `cancel_requested` and a NOTIFY, which its worker hears at once.
    public func cancel(_ id: JobID) throws -> Job {
        try session.transaction { transaction in
            let found = try transaction.run(
                "SELECT \(unescaped: PostgresJobRow.columns) FROM boss_job WHERE id = \(id.rawValue) FOR UPDATE"
            )
            guard let job = try PostgresJobRow.decodeAll(found).first else { throw QueueError.notFound(id) }
            switch job.state {
            case .queued:
                let cancelled = try transaction.run(
                    """
                    UPDATE boss_job SET state = 'cancelled', updated_at = now() WHERE id = \(id.rawValue)
                    RETURNING \(unescaped: PostgresJobRow.columns)
                    """)
                return try PostgresJobRow.decodeAll(cancelled).first ?? job
            case .running:
                try transaction.run("UPDATE boss_job SET cancel_requested = true WHERE id = \(id.rawValue)")
                try transaction.run("SELECT pg_notify('boss_queue', \("cancel:\(id)"))")
                return job
            case .delivered, .failed, .cancelled: throw QueueError.alreadyFinished(id, job.state)
            }
        }
    }

    private func seconds(_ lease: JobLease) -> Double { lease.duration / .seconds(1) }
}
