import Foundation
import GRDB

/// The SQLite store's claims (`JobStore.claims`): which job starts next in fair order, who holds it
/// until when, its end stored only by its holder, and cancel requests. Each is one write transaction,
/// so SQLite's single writer makes every claim atomic.
public struct SQLiteClaims: QueueClaims {
    let database: DatabasePool

    /// Read from the `turn` each claim stamps on its job.
    public func lastTurns(scope: String) throws -> [String: Int64] {
        try database.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT requester, MAX(turn) AS turn FROM job WHERE scope = ? AND turn IS NOT NULL "
                    + "GROUP BY requester", arguments: [scope])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["requester"], $0["turn"]) })
        }
    }

    /// One write transaction: the pick and the claim cannot interleave with another claim.
    public func claimNext(scope: String, lease: JobLease) throws -> Job? {
        try database.write { db in
            let now = Date()
            let ready = try Row.fetchOne(
                db,
                sql: """
                    SELECT j.id FROM job j
                    WHERE j.scope = ? AND (j.state = 'queued'
                        OR (j.state = 'running' AND j.leaseUntil < ? AND j.worker <> ?))
                    ORDER BY COALESCE((SELECT MAX(k.turn) FROM job k
                        WHERE k.scope = j.scope AND k.requester = j.requester), -1), j.id
                    LIMIT 1
                    """, arguments: [scope, JobStore.storedTime(now), lease.worker])
            guard let id: Int64 = ready?["id"] else { return nil }
            try db.execute(
                sql: """
                    UPDATE job SET state = 'running', attempts = attempts + 1, worker = ?, leaseUntil = ?,
                        turn = (SELECT COALESCE(MAX(turn), 0) + 1 FROM job), cancelRequested = 0, updatedAt = ?
                    WHERE id = ?
                    """,
                arguments: [lease.worker, expiry(lease, from: now), JobStore.storedTime(now), id])
            return try Job.fetchOne(db, key: id)
        }
    }

    /// Renews only rows still `running` under `lease.worker`.
    public func renew(_ ids: [JobID], lease: JobLease) throws -> LeaseRenewal {
        try database.write { db in
            var renewal = LeaseRenewal()
            for id in ids {
                try db.execute(
                    sql: "UPDATE job SET leaseUntil = ? WHERE id = ? AND state = 'running' AND worker = ?",
                    arguments: [expiry(lease, from: Date()), id.rawValue, lease.worker])
                guard db.changesCount == 1 else {
                    renewal.lost.insert(id)
                    continue
                }
                let flagged = try Bool.fetchOne(
                    db, sql: "SELECT cancelRequested FROM job WHERE id = ?", arguments: [id.rawValue])
                if flagged == true { renewal.cancelRequested.insert(id) }
            }
            return renewal
        }
    }

    /// Writes only a row still `running` under `worker`.
    public func finish(
        _ id: JobID, to state: JobState, failure: (ErrorCategory, String)?, refundsAttempt: Bool,
        worker: String
    ) throws -> Job? {
        try database.write { db in
            try db.execute(
                sql: """
                    UPDATE job SET state = ?, failureCategory = ?, failureMessage = ?, worker = NULL,
                        leaseUntil = NULL, attempts = MAX(0, attempts - ?), updatedAt = ?
                    WHERE id = ? AND state = 'running' AND worker = ?
                    """,
                arguments: [
                    state.rawValue, failure?.0.rawValue, failure?.1, refundsAttempt ? 1 : 0,
                    JobStore.storedTime(Date()), id.rawValue, worker,
                ])
            return db.changesCount == 1 ? try Job.fetchOne(db, key: id.rawValue) : nil
        }
    }

    /// A running job gets `cancelRequested`, which its worker reads at its next renewal.
    public func cancel(_ id: JobID) throws -> Job {
        try database.write { db in
            guard let job = try Job.fetchOne(db, key: id.rawValue) else { throw QueueError.notFound(id) }
            switch job.state {
            case .queued:
                try db.execute(
                    sql: "UPDATE job SET state = 'cancelled', updatedAt = ? WHERE id = ?",
                    arguments: [JobStore.storedTime(Date()), id.rawValue])
            case .running:
                try db.execute(
                    sql: "UPDATE job SET cancelRequested = 1 WHERE id = ?", arguments: [id.rawValue])
            case .delivered, .failed, .cancelled: throw QueueError.alreadyFinished(id, job.state)
            }
            return try Job.fetchOne(db, key: id.rawValue) ?? job
        }
    }

    private func expiry(_ lease: JobLease, from now: Date) -> String {
        JobStore.storedTime(now + lease.duration / .seconds(1))
    }
}
