import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// One connection to the queue database, used by one caller at a time and waited on synchronously: the
/// queue calls its store from its own thread (never an event loop), and each call stores before it
/// returns. Connects on first use and again after the connection broke, so a database restart costs
/// the calls made while it was down (the queue retries those), not the process.
final class PostgresSession: Sendable {
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger
    private let connection = Mutex<PostgresConnection?>(nil)
    private let ids = Atomic<Int>(0)

    init(configuration: PostgresConnection.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs `query` alone (its own implicit transaction).
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try withConnection { connection in try connection.query(query, logger: logger).wait() }
    }

    /// Runs `body` inside BEGIN ... COMMIT on one connection; rolls back when it throws.
    func transaction<T>(_ body: (Transaction) throws -> T) throws -> T {
        try withConnection { connection in
            let transaction = Transaction(connection: connection, logger: logger)
            try transaction.run("BEGIN")
            do {
                let value = try body(transaction)
                try transaction.run("COMMIT")
                return value
            } catch {
                // The first error is the one to report. A connection that cannot roll back is closed,
                // so the next call opens a clean one instead of inheriting a failed transaction.
                do { try transaction.run("ROLLBACK") } catch { connection.close().whenComplete { _ in } }
                // (withConnection sees it closed and drops it; the close completes before that.)
                throw error
            }
        }
    }

    /// Closes the connection (a new call opens another).
    func close() {
        connection.withLock { current in
            guard let open = current else { return }
            current = nil
            // Waited for: postgres-nio requires a connection to be closed before it is released.
            do { try open.close().wait() } catch {
                logger.debug("closing the queue database connection: \(error)")
            }
        }
    }

    /// The queries of one transaction.
    struct Transaction {
        let connection: PostgresConnection
        let logger: Logger
        @discardableResult
        func run(_ query: PostgresQuery) throws -> PostgresQueryResult {
            try connection.query(query, logger: logger).wait()
        }
    }

    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        do { return try locked(body) } catch { throw PostgresQueueError.wrapping(error) }
    }

    private func locked<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try connection.withLock { current in
            if current?.isClosed ?? true {
                current = try PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                    id: ids.add(1, ordering: .relaxed).newValue, logger: logger
                ).wait()
            }
            guard let open = current else { throw PostgresQueueError.notConnected }
            do {
                return try body(open)
            } catch {
                if open.isClosed { current = nil }
                throw error
            }
        }
    }
}
