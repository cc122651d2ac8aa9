import Foundation
import GRDB

/// Puts a backup in place of the queue database, after checking it is a sound queue database: a file
/// that is not SQLite, fails SQLite's integrity check or lacks the jobs table is refused untouched.
public enum QueueRestore {
    /// The jobs table and the columns the queue reads and writes.
    public static let table = Job.databaseTableName
    /// The columns of `table` a backup must have.
    public static let requiredColumns: Set<String> = [
        "id", "url", "requester", "scope", "context", "state", "attempts", "failureCategory",
        "failureMessage", "createdAt", "updatedAt",
    ]

    /// Checks `backup` read-only; throws `.refused` with the reason when it is not a sound queue database.
    public static func verify(_ backup: String) throws(QueueBackupError) {
        guard FileManager.default.isReadableFile(atPath: backup) else {
            throw .refused(path: backup, reason: "there is no readable file there")
        }
        let reason: String?
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let database = try DatabaseQueue(path: backup, configuration: configuration)
            defer { try? database.close() }
            reason = try database.read(problem(in:))
        } catch let error as DatabaseError {
            let code = error.resultCode
            reason =
                code == .SQLITE_NOTADB
                ? "it is not a SQLite database"
                : "SQLite cannot read it (\(error.message ?? "\(code)")): it is damaged"
        } catch {
            reason = "it cannot be opened (\(error))"
        }
        if let reason { throw .refused(path: backup, reason: reason) }
    }

    /// Verifies `backup`, then copies it over `databasePath` while holding the queues' locks (fails when
    /// a queue is open): the `-wal` and `-shm` go first, so no stale journal is replayed into the backup.
    public static func restore(_ backup: String, to databasePath: String) throws(QueueBackupError) {
        try verify(backup)
        let staging = databasePath + ".restoring"
        let manager = FileManager.default
        let folder = (databasePath as NSString).deletingLastPathComponent
        try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // The queues' own locks: no `run` or `fetch` may have the database open meanwhile.
        let locks: [ScopeLock]
        do {
            locks = try ["discord", "cli"].map {
                try ScopeLock(path: databasePath + ".\($0).lock", scope: $0)
            }
        } catch {
            throw .failed(path: databasePath, reason: "\(error); stop it first")
        }
        defer { for lock in locks { lock.release() } }
        do {
            try? manager.removeItem(atPath: staging)
            try manager.copyItem(atPath: backup, toPath: staging)
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: databasePath + suffix) }
            guard rename(staging, databasePath) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? manager.removeItem(atPath: staging)
            throw .failed(path: databasePath, reason: "\(error)")
        }
    }

    /// What is wrong with an open database, or nil when it is a sound queue database.
    private static func problem(in db: Database) throws -> String? {
        let check = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard check == ["ok"] else {
            return "it failed SQLite's integrity check (\(check.prefix(3).joined(separator: "; ")))"
        }
        guard try db.tableExists(table) else {
            return "it is not a Boss-Bot queue database: it has no `\(table)` table"
        }
        let columns = Set(try db.columns(in: table).map(\.name))
        let missing = requiredColumns.subtracting(columns).sorted()
        guard missing.isEmpty else {
            return "it is not a Boss-Bot queue database: the `\(table)` table lacks "
                + missing.joined(separator: ", ")
        }
        return nil
    }
}
