import BossCore
import Foundation
import GRDB
import Logging
import TestSupport

/// A temporary folder with a queue database that has jobs in it, and ways to damage copies of it.
struct BackupHarness {
    let folder: TemporaryFolder
    var root: String { folder.path }
    var data: String { root + "/data" }
    var database: String { data + "/queue.sqlite" }
    var backups: String { root + "/backups" }

    init() throws {
        folder = try TemporaryFolder(prefix: "boss-backup")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    }

    /// Long URLs, so the database spans many pages and a truncation cuts real content.
    static func urls(_ count: Int = 12) -> [String] {
        (1...count).map { "https://example.com/\($0)/" + String(repeating: "x", count: 1500) }
    }

    /// Runs `urls` through a queue on `path` to completion; the database then holds them as delivered.
    static func seed(_ path: String, urls: [String] = urls()) async throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = DownloadQueue(
            store: try JobStore(path: path), scope: "cli",
            limits: QueueLimits(maxRunning: 4, maxWaiting: 100),
            executor: GatedExecutor(openAll: true), logger: Logger(label: "backup-test"))
        try await queue.start()
        var ids: [JobID] = []
        for url in urls { ids.append(try await queue.enqueue(url: url, requester: "a", context: "").id) }
        for id in ids { _ = await queue.waitUntilFinished(id) }
        await queue.shutdown(gracePeriod: .seconds(1))
    }

    /// The URLs of every job in the database at `path`, oldest first.
    static func jobURLs(_ path: String) throws -> [String] {
        try JobStore(path: path).jobs(scope: "cli", states: Set(JobState.allCases)).map(\.url)
    }

    /// A copy of `source` at `name` under the root, changed by `damage`.
    func damagedCopy(of source: String, _ name: String, _ damage: (inout [UInt8]) -> Void) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        damage(&bytes)
        let path = root + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A sound SQLite database with `sql` run in it, but not a queue database.
    func foreignDatabase(_ name: String, sql: String) throws -> String {
        let path = root + "/" + name
        let database = try DatabaseQueue(path: path)
        try database.write { try $0.execute(sql: sql) }
        try database.close()
        return path
    }

    func cleanUp() { folder.remove() }
}
