import BossCore
import Foundation
import TestSupport
import Testing

@Suite("The data directory: layout, orphans, expiry")
struct DataDirectoryTests {
    @Test("prepare creates the layout and removes what a crash left in tmp/")
    func prepare() throws {
        try withTemporaryFolder(prefix: "boss-data") { folder in
            let root = folder.file("data")
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
    }

    @Test("scratch is per process: another live process's tmp/ survives a start, a dead one's is removed")
    func scratchPerProcess() throws {
        try withTemporaryFolder(prefix: "boss-data") { folder in
            let root = folder.file("data")
            let data = DataDirectory(root: root)
            _ = try data.prepare()
            #expect(data.tmp == root + "/tmp/\(getpid())")
            let live = root + "/tmp/1/job-4"  // pid 1 always runs
            var dead: Int32 = 4_000_000
            while kill(dead, 0) == 0 || errno != ESRCH { dead -= 1 }
            let orphan = root + "/tmp/\(dead)/job-5"
            for folder in [live, orphan] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            #expect(try data.prepare() == 1)
            #expect(FileManager.default.fileExists(atPath: live))
            #expect(!FileManager.default.fileExists(atPath: root + "/tmp/\(dead)"))
        }
    }

    @Test("expired job folders are removed and their bytes released from the quota")
    func expiry() throws {
        try withTemporaryFolder(prefix: "boss-data") { folder in
            let root = folder.file("data")
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
                data.removeExpiredJobDirectories(olderThan: .seconds(3600), quota: quota) == [
                    JobID(rawValue: 1)
                ])
            #expect(
                quota.usage.usedBytes == 0
                    && FileManager.default.fileExists(atPath: data.jobDirectory(JobID(rawValue: 2))))
        }
    }
}
