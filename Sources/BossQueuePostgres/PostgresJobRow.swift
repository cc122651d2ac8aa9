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

/// What the PostgreSQL store refuses that is not the queue's own refusal (`QueueError`).
public enum PostgresQueueError: Error, CustomStringConvertible {
    /// A row holds a state or category this version does not know (a newer version wrote it).
    case unknownValue(String)
    /// The database's schema is newer than this version knows.
    case schemaTooNew(found: Int, known: Int)
    /// No connection could be opened (the reason was the connect call's error).
    case notConnected

    /// The operator's message.
    public var description: String {
        switch self {
        case .unknownValue(let value):
            "the queue database holds \"\(value)\", which this version does not know"
        case .schemaTooNew(let found, let known):
            "the queue database's schema is version \(found); this boss-host knows up to \(known): upgrade it"
        case .notConnected: "no connection to the queue database"
        }
    }
}
