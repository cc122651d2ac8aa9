import BossCore
import Foundation
import Logging
import TestSupport
import Testing

@Suite("Scheduled queue backups while the bot runs")
struct BackupScheduleTests {
    static func settings(_ values: [String: String]) throws -> HostSettings {
        try HostSettings(environment: HostEnvironment(values: values))
    }

    @Test("defaults: every 24 hours into data/backups, keeping 7; 0 hours disables")
    func fromSettings() throws {
        let schedule = try #require(
            BackupSchedule(
                settings: Self.settings(["BOSS_DATA_DIR": "/srv/boss"]), logger: Logger(label: "t")))
        #expect(schedule.interval == .seconds(24 * 3600))
        #expect(schedule.backup.keep == 7)
        #expect(schedule.backup.directory == "/srv/boss/backups")
        #expect(schedule.backup.databasePath == "/srv/boss/queue.sqlite")
        let custom = try #require(
            BackupSchedule(
                settings: Self.settings(["BOSS_BACKUP_INTERVAL_HOURS": "6", "BOSS_BACKUP_KEEP": "3"]),
                logger: Logger(label: "t")))
        #expect(custom.interval == .seconds(6 * 3600) && custom.backup.keep == 3)
        #expect(
            BackupSchedule(
                settings: try Self.settings(["BOSS_BACKUP_INTERVAL_HOURS": "0"]), logger: Logger(label: "t"))
                == nil)
        #expect(throws: ConfigurationError.self) { try Self.settings(["BOSS_BACKUP_KEEP": "0"]) }
        #expect(throws: ConfigurationError.self) { try Self.settings(["BOSS_BACKUP_INTERVAL_HOURS": "-1"]) }
    }

    @Test("the next backup is due one interval after the newest, at once when there is none")
    func due() async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database, urls: ["https://example.com/a"])
        let backup = QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 7)
        let schedule = BackupSchedule(backup: backup, interval: .seconds(3600), logger: Logger(label: "t"))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(schedule.delayBeforeNext(now: now) == .zero)
        try backup.run(now: now.addingTimeInterval(-600))
        #expect(schedule.delayBeforeNext(now: now) == .seconds(3000))
        #expect(schedule.delayBeforeNext(now: now.addingTimeInterval(7200)) == .zero)
        #expect(schedule.delayBeforeNext(now: now.addingTimeInterval(-86400)) == .seconds(3600))
    }

    @Test("a schedule made from the settings takes its first backup into data/backups at once")
    func launcherLine() async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database, urls: ["https://example.com/a"])
        let settings = try Self.settings(["BOSS_DATA_DIR": harness.data])
        let logger = Logger(label: "t")
        let backups = Task { await BackupSchedule(settings: settings, logger: logger)?.run() }
        let folder = harness.data + "/backups"
        // Generous: under a loaded CI machine the first backup can take seconds; passing returns at once.
        #expect(
            await eventually(within: .seconds(30)) {
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).count == 1
            })
        backups.cancel()
        await backups.value
    }

    @Test("run() backs up on schedule until cancelled")
    func runs() async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database, urls: ["https://example.com/a"])
        let backup = QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 7)
        let schedule = BackupSchedule(
            backup: backup, interval: .milliseconds(1100), logger: Logger(label: "t"))
        let task = Task { await schedule.run() }
        #expect(await eventually(within: .seconds(30)) { backup.existing().count >= 2 })
        task.cancel()
        await task.value
        let count = backup.existing().count
        try await Task.sleep(for: .milliseconds(1500))
        #expect(backup.existing().count == count, "a backup was taken after cancellation")
        #expect(try BackupHarness.jobURLs(try #require(backup.existing().last)) == ["https://example.com/a"])
    }
}
