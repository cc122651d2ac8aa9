import Foundation
import GRDB

/// Online backups of the queue database into a folder, as `queue-YYYYMMDD-HHMMSS.sqlite` (UTC), keeping
/// the newest `keep`. SQLite's online backup API copies a consistent snapshot while the queue runs.
public struct QueueBackup: Sendable {
    /// The queue database to copy.
    public let databasePath: String
    /// Where the backups go (created when missing).
    public let directory: String
    /// How many backups to keep; older ones are deleted after each backup.
    public let keep: Int

    /// A backup of `databasePath` into `directory`, keeping the newest `keep` (at least one).
    public init(databasePath: String, directory: String, keep: Int) {
        self.databasePath = databasePath
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        self.keep = max(1, keep)
    }

    /// Backs up now, then prunes; returns the new backup's path.
    @discardableResult
    public func run(now: Date = Date()) throws(QueueBackupError) -> String {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw .noDatabase(path: databasePath)
        }
        let target = directory + "/" + Self.fileName(for: now)
        let staging = directory + "/.queue-backup-\(UUID().uuidString).tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.readonly = true
            let source = try DatabaseQueue(path: databasePath, configuration: configuration)
            let destination = try DatabaseQueue(path: staging)
            try source.backup(to: destination)
            // A self-contained file: no -wal or -shm beside it.
            try destination.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
            try source.close()
            guard rename(staging, target) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw .failed(path: target, reason: "\(error)")
        }
        prune()
        return target
    }

    /// The backups in `directory`, oldest first (their names sort by time).
    public func existing() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { Self.date(fromFileName: $0) != nil }.sorted().map { directory + "/" + $0 }
    }

    /// Deletes all but the newest `keep` backups; returns the deleted paths.
    @discardableResult
    public func prune() -> [String] {
        let old = existing().dropLast(keep)
        return old.filter { (try? FileManager.default.removeItem(atPath: $0)) != nil }
    }

    /// `queue-YYYYMMDD-HHMMSS.sqlite` for `date`, in UTC.
    public static func fileName(for date: Date) -> String {
        "queue-" + UTCTimestamp.string(from: date) + ".sqlite"
    }

    /// The time in a backup's file name; nil for any other file.
    public static func date(fromFileName name: String) -> Date? {
        guard name.hasPrefix("queue-"), name.hasSuffix(".sqlite"), name.count == 28 else { return nil }
        return UTCTimestamp.date(from: String(name.dropFirst(6).dropLast(7)))
    }
}
