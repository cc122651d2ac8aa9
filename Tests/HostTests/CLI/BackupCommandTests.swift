import BossCore
import Foundation
import TestSupport
import Testing

@Suite("boss-host backup DIR and boss-host run --restore FILE")
struct BackupCommandTests {
    @Test("backup writes a dated copy and keeps the newest BOSS_BACKUP_KEEP")
    func backup() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await BackupHarness.seed(cli.data + "/queue.sqlite", urls: ["https://example.com/a"])
        let folder = cli.root + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for old in ["queue-20200101-000000.sqlite", "queue-20200102-000000.sqlite"] {
            try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/" + old))
        }
        let result = try await cli.run(["backup", "backups"], ["BOSS_BACKUP_KEEP": "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let written = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = (written as NSString).lastPathComponent
        #expect(QueueBackup.date(fromFileName: name) != nil, "\(written)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["queue-20200102-000000.sqlite", name])
        #expect(try BackupHarness.jobURLs(written) == ["https://example.com/a"])
    }

    @Test("backup without a queue database: exit 2")
    func nothingToBackUp() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let result = try await cli.run(["backup", "backups"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no queue database"))
    }

    @Test("run --restore puts a good backup in place before starting")
    func restore() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database)
        let backup = try QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 1)
            .run()
        try await BackupHarness.seed(cli.data + "/queue.sqlite", urls: ["https://example.com/replaced"])
        // No token: the restore happens, then `run` stops at the token check.
        let result = try await cli.run(["run", "--restore", backup])
        #expect(result.stderr.contains("restored the queue database"), "\(result.stderr)")
        #expect(result.stderr.contains("DISCORD_TOKEN is not set"))
        #expect(try BackupHarness.jobURLs(cli.data + "/queue.sqlite") == BackupHarness.urls())
    }

    @Test(
        "run --restore refuses a damaged or foreign file: exit 2, the queue untouched",
        arguments: QueueRestoreRefusalTests.Damage.allCases)
    func refused(_ damage: QueueRestoreRefusalTests.Damage) async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database)
        let backup = try QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 1)
            .run()
        let file = try QueueRestoreRefusalTests.make(damage, harness: harness, from: backup)
        try await BackupHarness.seed(cli.data + "/queue.sqlite", urls: ["https://example.com/kept"])
        let result = try await cli.run(["run", "--restore", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to restore \(file): "), "\(result.stderr)")
        #expect(result.stderr.contains(damage.reason), "\(result.stderr)")
        #expect(result.stderr.contains("left unchanged"))
        #expect(try BackupHarness.jobURLs(cli.data + "/queue.sqlite") == ["https://example.com/kept"])
    }
}
