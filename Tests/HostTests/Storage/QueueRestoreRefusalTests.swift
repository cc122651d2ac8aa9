import BossCore
import Foundation
import Testing

@Suite("A restore refuses damaged and foreign files")
struct QueueRestoreRefusalTests {
    /// How each file is made from a good backup, and what the refusal must say.
    enum Damage: String, CaseIterable, CustomStringConvertible {
        case truncated, header, notSQLite, noJobsTable, missingColumns, missingFile
        var description: String { rawValue }
        var reason: String {
            switch self {
            case .truncated: "it is damaged"
            case .header, .notSQLite: "it is not a SQLite database"
            case .noJobsTable: "it has no `job` table"
            case .missingColumns: "the `job` table lacks"
            case .missingFile: "there is no readable file there"
            }
        }
    }

    /// Makes the file for `damage` from a good backup.
    static func make(_ damage: Damage, harness: BackupHarness, from backup: String) throws -> String {
        switch damage {
        case .truncated:
            return try harness.damagedCopy(of: backup, "truncated.sqlite") { $0.removeLast($0.count / 2) }
        case .header:
            return try harness.damagedCopy(of: backup, "header.sqlite") { bytes in
                for index in 0..<32 { bytes[index] = 0x5A }
            }
        case .notSQLite:
            return try harness.damagedCopy(of: backup, "notes.sqlite") {
                $0 = Array("just some notes\n".utf8)
            }
        case .noJobsTable:
            return try harness.foreignDatabase("foreign.sqlite", sql: "CREATE TABLE recipe (name TEXT)")
        case .missingColumns:
            return try harness.foreignDatabase("old.sqlite", sql: "CREATE TABLE job (id INTEGER, url TEXT)")
        case .missingFile:
            return harness.root + "/nothing-here.sqlite"
        }
    }

    @Test("refused with the reason, and the queue database is left unchanged", arguments: Damage.allCases)
    func refused(_ damage: Damage) async throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        try await BackupHarness.seed(harness.database)
        let backup = try QueueBackup(databasePath: harness.database, directory: harness.backups, keep: 1)
            .run()
        let file = try Self.make(damage, harness: harness, from: backup)
        let target = harness.root + "/target/queue.sqlite"
        try await BackupHarness.seed(target, urls: ["https://example.com/kept"])
        #expect {
            try QueueRestore.restore(file, to: target)
        } throws: { error in
            guard case .refused(let path, let reason)? = error as? QueueBackupError else { return false }
            return path == file && reason.contains(damage.reason)
        }
        #expect(try BackupHarness.jobURLs(target) == ["https://example.com/kept"])
    }

    @Test("a fresh queue database passes the check")
    func freshStore() throws {
        let harness = try BackupHarness()
        defer { harness.cleanUp() }
        _ = try JobStore(path: harness.database)
        #expect(throws: Never.self) { try QueueRestore.verify(harness.database) }
    }
}
