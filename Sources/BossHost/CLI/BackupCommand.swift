import ArgumentParser
import BossCore
import Foundation

/// `boss-host backup DIR`: an online backup of the queue database into DIR, keeping the newest
/// `BOSS_BACKUP_KEEP`. Safe while the bot runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back up the queue database into a folder (safe while the bot runs).",
        discussion: """
            Writes DIR/queue-YYYYMMDD-HHMMSS.sqlite (UTC) with SQLite's online backup, then deletes all \
            but the newest BOSS_BACKUP_KEEP backups in DIR. `boss-host run --restore FILE` puts one back. \
            A PostgreSQL queue (BOSS_QUEUE_URL) is not backed up here: use PostgreSQL's own tools \
            (pg_dump, or the database's continuous archiving); see docs/OPERATIONS.md.
            """)

    @Argument(
        help: ArgumentHelp("The folder to write the backup into (created when missing).", valueName: "DIR"))
    var directory: String

    func run() async throws {
        let settings = try HostBootstrap.settings()
        guard settings.queue.url == nil else {
            printError(
                "boss-host: the queue is in PostgreSQL (BOSS_QUEUE_URL); back it up with PostgreSQL's own "
                    + "tools, e.g. pg_dump -Fc -t 'boss_*' DATABASE > queue.dump (see docs/OPERATIONS.md)")
            throw ExitCode.usageOrConfiguration
        }
        let data = DataDirectory(root: settings.dataDirectory)
        let backup = QueueBackup(
            databasePath: data.queueDatabase, directory: directory, keep: settings.backupKeep)
        do {
            print(try backup.run())
        } catch {
            printError("boss-host: \(error)")
            if case .noDatabase = error { throw ExitCode.usageOrConfiguration }
            throw ExitCode.failure
        }
    }
}
