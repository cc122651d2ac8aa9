import BossCore
import BossQueuePostgres
import Foundation
import Logging
import Synchronization
import TestSupport
import Testing

/// The two queue stores every shared queue test runs against.
enum QueueStoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }
}

/// One throwaway PostgreSQL cluster for the whole test process (started at first use, stopped at
/// exit); each harness gets a database of its own in it.
enum TestPostgres {
    private static let shared = Mutex<PostgresCluster?>(nil)

    /// Runs `sql` on the database `url` names, with psql.
    static func query(_ sql: String, url: String) throws -> String {
        let name = String(try #require(url.split(separator: "/").last?.split(separator: "?").first))
        return try shared.withLock { cluster in try #require(cluster).query(sql, database: name) }
    }

    /// The URL of a new, empty database (the cluster starts on a thread of its own: the first call waits
    /// for initdb, and waiting must not hold a thread of the cooperative pool).
    static func database() async throws -> String {
        try await onOwnThread { try newDatabase() }
    }

    private static func newDatabase() throws -> String {
        try shared.withLock { cluster in
            if cluster == nil {
                cluster = try PostgresCluster.start()
                atexit { TestPostgres.stop() }
            }
            let name = "queue_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            return try #require(cluster).createDatabase(name) + "?sslmode=disable"
        }
    }

    /// A store on `url`, as a new process would open it.
    static func store(_ url: String) throws -> PostgresQueueStore {
        try PostgresQueueStore(url: PostgresQueueURL(url), logger: Logger(label: "test"))
    }

    private static func stop() {
        shared.withLock { cluster in
            cluster?.stop()
            cluster = nil
        }
    }
}
