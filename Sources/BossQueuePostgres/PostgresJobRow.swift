import BossCore
import Foundation
import PostgresNIO

/// A `boss_job` row read back as a `Job`: the column list every query selects, and its decoding.
enum PostgresJobRow {
    /// The columns, in the order `decode` reads them.
    static let columns =
        "id, url, requester, scope, context, state, attempts, failure_category, failure_message, created_at, updated_at"

    /// The job in `row`; throws when a stored state or category is not one this version knows.
    static func decode(_ row: PostgresRow) throws -> Job {
        let (id, url, requester, scope, context, state, attempts, category, message, created, updated) =
            try row.decode(
                (Int64, String, String, String, String, String, Int32, String?, String?, Date, Date).self)
        guard let jobState = JobState(rawValue: state) else { throw PostgresQueueError.unknownValue(state) }
        let failureCategory = try category.map { text in
            guard let known = ErrorCategory(rawValue: text) else {
                throw PostgresQueueError.unknownValue(text)
            }
            return known
        }
        return Job(
            id: JobID(rawValue: id), url: url, requester: requester, scope: scope, context: context,
            state: jobState,
            attempts: Int(attempts), failureCategory: failureCategory, failureMessage: message,
            createdAt: created,
            updatedAt: updated)
    }

    /// Every job in `result`.
    static func decodeAll(_ result: PostgresQueryResult) throws -> [Job] { try result.map(decode) }
}
