import Foundation

/// One throwaway cluster's commands: PostgreSQL's programs from one installation, run to the end in
/// the cluster's folder with their output captured. As root, the server's programs (initdb, pg_ctl)
/// run as the `postgres` user, since initdb and postgres refuse to run as root.
struct PostgresTools: Sendable {
    /// The folder holding initdb, pg_ctl, createdb and psql.
    let bindir: String
    /// The cluster's folder (data directory, sockets, server log), owned by whoever runs the server.
    let folder: String
    /// `runuser -u postgres --` when running as root, else nothing.
    private let serverPrefix: [String]

    /// The data directory.
    var data: String { folder + "/data" }
    /// The server's log.
    var log: String { folder + "/server.log" }

    /// Finds the programs (Debian's /usr/lib/postgresql/N/bin, newest first, then PATH) and, as root,
    /// hands `folder` to the `postgres` user.
    init(folder: String) throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let debian = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map {
            "/usr/lib/postgresql/\($0)/bin"
        }
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let searched = debian + path
        guard
            let found = searched.first(where: { dir in
                ["initdb", "pg_ctl", "createdb", "psql"].allSatisfy {
                    FileManager.default.isExecutableFile(atPath: dir + "/" + $0)
                }
            })
        else { throw PostgresClusterError.programsNotFound(searched: searched) }
        bindir = found
        self.folder = folder
        guard geteuid() == 0 else {
            serverPrefix = []
            return
        }
        guard let user = getpwnam("postgres") else {
            throw PostgresClusterError.noServerUser("no postgres user")
        }
        guard
            let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first(
                where: FileManager.default.isExecutableFile)
        else { throw PostgresClusterError.noServerUser("no runuser") }
        guard chown(folder, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
            throw PostgresClusterError.setupFailed(
                "chown \(folder) to postgres: \(String(cString: strerror(errno)))")
        }
        serverPrefix = [runuser, "-u", "postgres", "--"]
    }

    /// Runs `program` with `arguments` (as the server's user when `asServer`) and returns its stdout.
    /// Throws `commandFailed` with its output and the server log's tail when it exits non-zero.
    @discardableResult
    func run(_ program: String, _ arguments: [String], asServer: Bool = false) throws -> String {
        let command = (asServer ? serverPrefix : []) + [bindir + "/" + program] + arguments
        let capture = folder + "/\(program)-\(UUID().uuidString)"
        let (outputPath, errorPath) = (capture + ".out", capture + ".err")
        // The caller's PG* settings must not point the commands elsewhere; messages in English, text UTF-8.
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = nil
        environment["PGCLIENTENCODING"] = "UTF8"
        environment["PGCONNECT_TIMEOUT"] = "10"
        let status = try SpawnedCommand.run(
            command, environment: environment, directory: folder, outputPath: outputPath, errorPath: errorPath
        )
        let output = Self.read(outputPath)
        let errors = Self.read(errorPath)
        for path in [outputPath, errorPath] { unlink(path) }
        guard status == 0 else {
            throw PostgresClusterError.commandFailed(
                command: command.joined(separator: " "), status: status, output: errors + output,
                logTail: logTail())
        }
        return output
    }

    /// Kills the postmaster named in the data directory's postmaster.pid, if any, with SIGKILL.
    func killServer() {
        let pidFile = Self.read(data + "/postmaster.pid")
        if let pid = pidFile.split(separator: "\n").first.flatMap({ pid_t($0) }), pid > 0 {
            kill(pid, SIGKILL)
        }
    }

    /// The last 20 lines of the server's log (empty before the server first starts).
    func logTail() -> String {
        Self.read(log).split(separator: "\n", omittingEmptySubsequences: false).suffix(20).joined(
            separator: "\n")
    }

    private static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
}
