import BossCore
import Foundation
import Testing

@Suite("The data directory: layout, orphans, expiry")
struct DataDirectoryTests {
    @Test("prepare creates the layout and removes what a crash left in tmp/")
    func prepare() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("boss-data-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = DataDirectory(root: root)
        #expect(try data.prepare() == 0)
        try Data([1]).write(to: URL(fileURLWithPath: data.tmp + "/orphan.part"))
        try FileManager.default.createDirectory(
            atPath: data.workDirectory(JobID(rawValue: 3)), withIntermediateDirectories: true)
        #expect(try data.prepare() == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.tmp).isEmpty)
        #expect(
            data.queueDatabase == root + "/queue.sqlite"
                && data.jobDirectory(JobID(rawValue: 7)) == root + "/downloads/7")
    }

    @Test("expired job folders are removed and their bytes released from the quota")
    func expiry() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("boss-data-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = DataDirectory(root: root)
        _ = try data.prepare()
        let old = try data.createJobDirectory(JobID(rawValue: 1))
        _ = try data.createJobDirectory(JobID(rawValue: 2))
        try Data(count: 500).write(to: URL(fileURLWithPath: old + "/a.png"))
        let quota = StorageQuota(limitBytes: 10_000, usedBytes: StorageQuota.measure(directory: root))
        #expect(quota.usage.usedBytes == 500)
        let past = Date().addingTimeInterval(-7200)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: old)
        #expect(
            data.removeExpiredJobDirectories(olderThan: .seconds(3600), quota: quota) == [JobID(rawValue: 1)])
        #expect(
            quota.usage.usedBytes == 0
                && FileManager.default.fileExists(atPath: data.jobDirectory(JobID(rawValue: 2))))
    }
}
