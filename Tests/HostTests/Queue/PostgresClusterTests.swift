import Foundation
import Synchronization
import TestSupport
import Testing

/// The throwaway PostgreSQL cluster the queue's tests run against: it serves real databases and leaves
/// neither a server nor files behind.
@Suite("PostgresCluster")
struct PostgresClusterTests {
    /// Whether something on 127.0.0.1 accepts a TCP connection on `port`.
    static func acceptsConnections(port: Int) throws -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, length) == 0 }
        }
    }

    @Test("a new database keeps a row, and stop() leaves no server and no folder")
    func lifecycle() async throws {
        let cluster = try await onOwnThread { try PostgresCluster.start() }
        defer { cluster.stop() }
        #expect(cluster.url == "postgres://boss@127.0.0.1:\(cluster.port)/postgres")
        #expect(try Self.acceptsConnections(port: cluster.port))
        let url = try cluster.createDatabase("queue_lifecycle")
        #expect(url == "postgres://boss@127.0.0.1:\(cluster.port)/queue_lifecycle")
        _ = try cluster.query(
            "create table jobs (id serial primary key, title text); insert into jobs (title) values ('résumé')",
            database: "queue_lifecycle")
        #expect(try cluster.query("select id, title from jobs", database: "queue_lifecycle") == "1|résumé")
        // The row lives in the new database only.
        #expect(try cluster.query("select count(*) from pg_tables where tablename = 'jobs'") == "0")

        cluster.stop()
        #expect(try !Self.acceptsConnections(port: cluster.port))
        #expect(!FileManager.default.fileExists(atPath: cluster.directory))
        cluster.stop()  // a second stop (here the deferred one) is harmless
    }

    @Test("a failing command reports itself, its exit status and the server log's tail")
    func failure() async throws {
        let cluster = try await onOwnThread { try PostgresCluster.start() }
        defer { cluster.stop() }
        _ = try cluster.createDatabase("twice")
        let error = try #require(throws: PostgresClusterError.self) { try cluster.createDatabase("twice") }
        guard case .commandFailed(let command, let status, let output, let logTail) = error else {
            Issue.record("expected commandFailed, got \(error)")
            return
        }
        #expect(command.contains("createdb") && command.contains("twice"))
        #expect(status != 0)
        #expect(output.contains("already exists"))
        #expect(logTail.contains("already exists"))
        #expect("\(error)".contains("already exists") && "\(error)".contains("exit status \(status)"))
    }

    @Test("a database name that would need escaping in a URL is refused")
    func badName() async throws {
        let cluster = try await onOwnThread { try PostgresCluster.start() }
        defer { cluster.stop() }
        #expect(throws: PostgresClusterError.invalidDatabaseName("a/b")) { try cluster.createDatabase("a/b") }
    }

    @Test("withPostgresCluster stops the cluster when the body throws")
    func scoped() async throws {
        struct Planned: Error {}
        let seen = Mutex<(port: Int, directory: String)?>(nil)
        await #expect(throws: Planned.self) {
            try await withPostgresCluster { cluster in
                seen.withLock { $0 = (cluster.port, cluster.directory) }
                throw Planned()
            }
        }
        // Its folder (data, socket, postmaster.pid) is gone. The port is not checked here: with tests in
        // parallel, another cluster may already listen on it (`lifecycle` checks it alone).
        let (_, directory) = try #require(seen.withLock { $0 })
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
