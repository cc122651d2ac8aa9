import BossCore
import Foundation
import TestSupport

/// A job folder with a sink over it.
struct SinkHarness {
    let folder: TemporaryFolder
    var root: String { folder.path }
    var job: String { root + "/job" }
    let quota: StorageQuota
    let sink: MediaSink

    init(limit: Int64 = 1_000, quotaBytes: Int64 = 1_000_000) throws {
        folder = try TemporaryFolder(prefix: "boss-sink")
        try FileManager.default.createDirectory(atPath: folder.file("job"), withIntermediateDirectories: true)
        quota = StorageQuota(limitBytes: quotaBytes, usedBytes: 0)
        sink = try MediaSink(directory: folder.file("job"), maxFileBytes: limit, quota: quota)
    }

    /// Writes `bytes` as one file in chunks of `chunk` bytes and finishes it.
    func store(_ bytes: [UInt8], name: String?, chunk: Int = 4096) throws -> StoredFile {
        let file = try sink.begin(suggestedName: name, expectedSize: nil)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunk, bytes.count)
            try bytes[offset..<end].withUnsafeBytes { try file.write($0) }
            offset = end
        }
        return try file.finish()
    }

    /// Everything under the root, relative: proof that nothing was written outside the job folder.
    func allFiles() -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
    }

    func cleanUp() { folder.remove() }
}
