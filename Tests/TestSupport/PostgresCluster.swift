import Foundation
import Synchronization

/// A throwaway PostgreSQL server for tests: a fresh cluster in a temporary folder, listening on
/// 127.0.0.1 only at a free port, with the superuser `boss` trusted without a password and fsync off.
/// Nothing stops it but `stop()` (or `withPostgresCluster`), which also removes its folder.
public final class PostgresCluster: Sendable {
    /// The TCP port it listens on, on 127.0.0.1.
    public let port: Int
    /// Its folder (data directory, socket, server log); gone after `stop()`.
    public let directory: String
    private let tools: PostgresTools
    private let stopped = Atomic<Bool>(false)

    private init(port: Int, tools: PostgresTools) {
        self.port = port
        self.tools = tools
        directory = tools.folder
    }

    /// The URL of its default database, `postgres`, as `boss` with no password.
    public var url: String { url(database: "postgres") }

    /// Creates and starts a cluster (about a second or two, mostly initdb).
    /// - Throws: `PostgresClusterError` saying which command failed and why.
    public static func start() throws -> PostgresCluster {
        let folder = try TemporaryFolder(prefix: "boss-postgres")
        let tools: PostgresTools
        do { tools = try PostgresTools(folder: folder.path) } catch {
            folder.remove()
            throw error
        }
        do {
            let initdb = [
                "-A", "trust", "-U", "boss", "--no-sync", "-E", "UTF8", "--locale=C", "-D", tools.data,
            ]
            try tools.run("initdb", initdb, asServer: true)
            var attempt = 1
            while true {
                let port = try LocalPort.free()
                let options = "-p \(port) -k \(tools.folder) -c listen_addresses=127.0.0.1 -c fsync=off"
                let start = ["-w", "-t", "30", "-D", tools.data, "-l", tools.log, "-o", options, "start"]
                do {
                    try tools.run("pg_ctl", start, asServer: true)
                    return PostgresCluster(port: port, tools: tools)
                } catch  where attempt < 3 && tools.logTail().contains("Address already in use") {
                    attempt += 1  // another process took the port between our look and the server's bind
                }
            }
        } catch {
            // A server pg_ctl stopped waiting for may still come up: stop() kills it and removes the folder.
            if FileManager.default.fileExists(atPath: tools.data + "/postmaster.pid") {
                PostgresCluster(port: 0, tools: tools).stop()
            } else {
                folder.remove()
            }
            throw error
        }
    }

    /// Creates the database `name` and returns its URL.
    /// - Throws: `PostgresClusterError.invalidDatabaseName` unless `name` is ASCII letters, digits and
    ///   `_` (at most 63), or `commandFailed` (e.g. it exists already).
    public func createDatabase(_ name: String) throws -> String {
        let plain = name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard plain, (1...63).contains(name.utf8.count) else {
            throw PostgresClusterError.invalidDatabaseName(name)
        }
        try tools.run("createdb", connection + [name])
        return url(database: name)
    }

    /// Runs `sql` (statements separated by `;`, stopping at the first error) on `database` with psql,
    /// and returns what it printed: unaligned rows, columns split by `|`, without the last newline.
    /// - Throws: `PostgresClusterError.commandFailed` with psql's message when a statement fails.
    public func query(_ sql: String, database: String = "postgres") throws -> String {
        let output = try tools.run(
            "psql", connection + ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql])
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }

    /// Stops the server at once (no checkpoint: the data is thrown away) and removes the folder.
    /// Calling it again does nothing.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        do {
            try tools.run(
                "pg_ctl", ["-w", "-t", "30", "-m", "immediate", "-D", tools.data, "stop"], asServer: true)
        } catch {
            // No server may outlive its test: say why pg_ctl failed, then kill the postmaster outright.
            report("pg_ctl stop: \(error)")
            tools.killServer()
        }
        do { try FileManager.default.removeItem(atPath: directory) } catch {
            report("removing \(directory): \(error)")
        }
    }

    /// stop() cannot throw (it runs in clean-ups), so it says on stderr what went wrong for the CI log.
    private func report(_ problem: String) {
        FileHandle.standardError.write(Data("PostgresCluster.stop: \(problem)\n".utf8))
    }

    private var connection: [String] { ["-h", "127.0.0.1", "-p", "\(port)", "-U", "boss"] }

    private func url(database: String) -> String { "postgres://boss@127.0.0.1:\(port)/\(database)" }
}

/// Runs `body` with a fresh cluster, and stops it (removing its folder) when `body` returns or throws.
public func withPostgresCluster<T>(
    isolation: isolated (any Actor)? = #isolation, _ body: (PostgresCluster) async throws -> T
) async throws -> T {
    let cluster = try await onOwnThread { try PostgresCluster.start() }
    do {
        let value = try await body(cluster)
        try await onOwnThread { cluster.stop() }
        return value
    } catch {
        try await onOwnThread { cluster.stop() }
        throw error
    }
}
