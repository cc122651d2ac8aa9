import Foundation
import Logging

/// Backs the queue database up every `interval` while the bot runs. The first backup is due one
/// interval after the newest existing one (at once when there is none), so restarts do not delay it.
public struct BackupSchedule: Sendable {
    /// What to back up, where, and how many to keep.
    public let backup: QueueBackup
    /// Time between backups.
    public let interval: Duration
    let logger: Logger

    /// A schedule of `backup` every `interval`.
    public init(backup: QueueBackup, interval: Duration, logger: Logger) {
        self.backup = backup
        self.interval = interval
        self.logger = logger
    }

    /// The schedule the settings ask for (into `data/backups/`), or nil when
    /// `BOSS_BACKUP_INTERVAL_HOURS` is 0 or the queue is in PostgreSQL (`BOSS_QUEUE_URL`), which is backed
    /// up with PostgreSQL's own tools.
    public init?(settings: HostSettings, logger: Logger) {
        guard settings.backupIntervalHours > 0, settings.queue.url == nil else { return nil }
        let data = DataDirectory(root: settings.dataDirectory)
        self.init(
            backup: QueueBackup(
                databasePath: data.queueDatabase, directory: data.backups, keep: settings.backupKeep),
            interval: .seconds(settings.backupIntervalHours * 3600), logger: logger)
    }

    /// Backs up on schedule until the task is cancelled; a failed backup is logged and retried at the
    /// next interval.
    public func run() async {
        while true {
            do {
                try await Task.sleep(for: delayBeforeNext())
            } catch {
                return
            }
            do {
                let path = try backup.run()
                logger.info("backed up the queue database to \(path)")
            } catch {
                logger.error("queue backup failed: \(error)")
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }

    /// How long until the next backup is due: one interval after the newest backup, at most one interval.
    public func delayBeforeNext(now: Date = Date()) -> Duration {
        guard let newest = backup.existing().last,
            let taken = QueueBackup.date(fromFileName: (newest as NSString).lastPathComponent)
        else { return .zero }
        let length = interval / .seconds(1)
        let seconds = min(length, max(0, taken.addingTimeInterval(length).timeIntervalSince(now)))
        return .milliseconds(Int64(seconds * 1000))
    }
}
