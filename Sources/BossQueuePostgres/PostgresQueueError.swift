import PostgresNIO

/// What the PostgreSQL store refuses that is not the queue's own refusal (`QueueError`).
public enum PostgresQueueError: Error, CustomStringConvertible {
    /// A row holds a state or category this version does not know (a newer version wrote it).
    case unknownValue(String)
    /// The database's schema is newer than this version knows.
    case schemaTooNew(found: Int, known: Int)
    /// No connection could be opened (the reason was the connect call's error).
    case notConnected
    /// The database or the connection failed: what the server said, or what broke on the way. Never a
    /// query's values (postgres-nio keeps those out of its errors' descriptions; this keeps it so).
    case failed(String)

    /// `error` as the operator should read it: postgres-nio describes its errors generically on purpose,
    /// so the server's message, or the code and the underlying network error, are taken out of it.
    static func wrapping(_ error: any Error) -> any Error {
        guard let psql = error as? PSQLError else { return error }
        if let message = psql.serverInfo?[.message] { return Self.failed("the server said: \(message)") }
        return Self.failed(psql.underlying.map { "\(psql.code): \($0)" } ?? "\(psql.code)")
    }

    /// The operator's message.
    public var description: String {
        switch self {
        case .unknownValue(let value):
            "the queue database holds \"\(value)\", which this version does not know"
        case .schemaTooNew(let found, let known):
            "the queue database's schema is version \(found); this boss-host knows up to \(known): upgrade it"
        case .notConnected: "no connection to the queue database"
        case .failed(let reason): reason
        }
    }
}
