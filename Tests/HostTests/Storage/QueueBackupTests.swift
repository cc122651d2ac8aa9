import BossCore
import Foundation
import Testing

@Suite("Queue database backups: online copies, keep-last-N, restore of a sound file only")
struct QueueBackupTests {
    @Test("a backup round-trips: its jobs are there after a restore over another database")
    func roundTrip() async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database)
        let backup = QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 7)
        let path = try backup.run(now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(path == harness.backups + "/queue-20231114-221320.sqlite")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: harness.backups) == [
                (path as NSString).lastPathComponent
            ])

        let other = harness.root + "/other/queue.sqlite"
        try await BackupHarness.seed(other, urls: ["https://example.com/unrelated"])
        try QueueRestore.restore(path, to: other)
        #expect(try BackupHarness.jobURLs(other) == BackupHarness.urls())
    }

    @Test("a backup taken while a queue has the database open holds its committed jobs")
    func online() async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database, urls: ["https://example.com/a"])
        let store = try JobStore(path: harness.database)
        let queue = DownloadQueue(
            store: store, scope: "discord", limits: QueueLimits(maxRunning: 1), executor: GatedExecutor(),
            logger: .init(label: "t"))
        try await queue.start()
        _ = try await queue.enqueue(url: "https://example.com/held", requester: "b", context: "")
        let path = try QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 1).run()
        let urls = try JobStore(path: path).jobs(scope: "discord", states: Set(JobState.allCases)).map(\.url)
        #expect(urls == ["https://example.com/held"])
        await queue.shutdown(gracePeriod: .milliseconds(10))
    }

    @Test("keeps the newest N backups and leaves other files alone")
    func keepLastN() async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database, urls: ["https://example.com/a"])
        try FileManager.default.createDirectory(atPath: harness.backups, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: harness.backups + "/notes.txt"))
        let backup = QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 3)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let paths = try (0..<5).map { try backup.run(now: start.addingTimeInterval(Double($0) * 3600)) }
        #expect(backup.existing() == Array(paths.suffix(3)))
        let names = try FileManager.default.contentsOfDirectory(atPath: harness.backups).sorted()
        #expect(
            names == [
                "notes.txt", "queue-20231115-001320.sqlite", "queue-20231115-011320.sqlite",
                "queue-20231115-021320.sqlite",
            ])
    }

    @Test("no queue database: nothing to back up")
    func noDatabase() throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        let backup = QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 3)
        #expect(throws: QueueBackupError.noDatabase(path: harness.database)) { try backup.run() }
    }

    @Test("a copy of a live WAL-mode queue database is accepted")
    func walCopy() async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database)
        let copy = harness.root + "/copy.sqlite"
        try FileManager.default.copyItem(atPath: harness.database, toPath: copy)
        #expect(throws: Never.self) { try QueueRestore.verify(copy) }
    }

    @Test("a restore while a queue holds the database is refused, leaving it unchanged")
    func restoreWhileOpen() async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database)
        let path = try QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 1).run()
        let queue = DownloadQueue(
            store: try JobStore(path: harness.database), scope: "discord", limits: QueueLimits(maxRunning: 1),
            executor: GatedExecutor(), logger: .init(label: "t"))
        try await queue.start()
        #expect {
            try QueueRestore.restore(path, to: harness.database)
        } throws: { "\($0)".contains("locked by another process") }
        await queue.shutdown(gracePeriod: .milliseconds(10))
    }
}
