import Foundation
import GRDB

extension JobStore {
    /// How long finished jobs stay in the database (for `queue`, status and investigations).
    public static let retention: TimeInterval = 30 * 24 * 3600

    /// Deletes finished jobs last changed before `cutoff`; queued and running ones are never touched.
    /// Returns how many rows went.
    @discardableResult
    public func pruneFinished(olderThan cutoff: Date) throws -> Int {
        let finished = JobState.allCases.filter(\.isFinished).map(\.rawValue)
        return try database.write { db in
            try Job.filter(finished.contains(Column("state")) && Column("updatedAt") < cutoff).deleteAll(db)
        }
    }
}
