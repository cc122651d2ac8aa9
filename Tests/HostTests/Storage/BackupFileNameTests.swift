import BossCore
import Foundation
import Testing

@Suite("Backup file names: queue-YYYYMMDD-HHMMSS.sqlite in UTC, and nothing else")
struct BackupFileNameTests {
    @Test("a name and its time round-trip, to the second, in UTC")
    func roundTrip() throws {
        let date = Date(timeIntervalSince1970: 1_764_650_096.75)
        #expect(QueueBackup.fileName(for: date) == "queue-20251202-043456.sqlite")
        let parsed = try #require(QueueBackup.date(fromFileName: "queue-20251202-043456.sqlite"))
        #expect(parsed == Date(timeIntervalSince1970: 1_764_650_096))
        #expect(QueueBackup.fileName(for: Date(timeIntervalSince1970: 0)) == "queue-19700101-000000.sqlite")
    }

    @Test(
        "a name that is not a real UTC time is not a backup",
        arguments: [
            "queue-20251302-043456.sqlite", "queue-20250230-043456.sqlite", "queue-20251202-246000.sqlite",
            "queue-2025120a-043456.sqlite", "queue-+2025120-043456.sqlite", "queue-20251202_043456.sqlite",
            "queue-20251202-043456.sqlite.tmp", "backup-20251202-043456.sqlite",
            "queue-20251202-43456.sqlite",
        ])
    func refused(name: String) {
        #expect(QueueBackup.date(fromFileName: name) == nil)
    }
}

@Suite("Log line times: ISO 8601 in UTC with milliseconds, as before, without ICU")
struct LogTimeTests {
    @Test("a record's time renders as yyyy-MM-ddTHH:mm:ss.SSSZ, to the nearest millisecond")
    func iso8601() {
        let record = LogRecord(
            time: Date(timeIntervalSince1970: 1_764_650_096.7504), level: .info, label: "t", message: "m",
            metadata: [:])
        #expect(record.render(.text).hasPrefix("2025-12-02T04:34:56.750Z info t: m"))
        let early = LogRecord(
            time: Date(timeIntervalSince1970: 5.004), level: .info, label: "t", message: "m", metadata: [:])
        #expect(early.render(.text).hasPrefix("1970-01-01T00:00:05.004Z "))
        let carry = LogRecord(
            time: Date(timeIntervalSince1970: 59.9996), level: .info, label: "t", message: "m", metadata: [:])
        #expect(carry.render(.text).hasPrefix("1970-01-01T00:01:00.000Z "))
    }
}
