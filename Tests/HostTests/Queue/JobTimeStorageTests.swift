import BossCore
import Foundation
import GRDB
import Testing

@Suite("Job times: stored as UTC text in the form existing queue databases hold")
struct JobTimeStorageTests {
    @Test("a new job's times are yyyy-MM-dd HH:mm:ss.SSS in UTC, as GRDB formats a Date")
    func storedForm() async throws {
        let harness = try QueueHarness()
        defer { harness.cleanUp() }
        let queue = try await harness.queue(GatedExecutor(openAll: true))
        try await queue.start()
        let job = try await queue.enqueue(url: "a", requester: "a", context: "")
        _ = await queue.waitUntilFinished(job.id)
        await queue.shutdown(gracePeriod: .zero)
        let rows = try DatabaseQueue(path: harness.database).read { db in
            try Row.fetchAll(db, sql: "SELECT createdAt, updatedAt FROM job")
        }
        let row = try #require(rows.first)
        for column in ["createdAt", "updatedAt"] {
            let text: String = try #require(row[column])
            let stored = try #require(Date.fromDatabaseValue(text.databaseValue))
            // GRDB's own formatter writes the same text for the time it reads back.
            #expect(String.fromDatabaseValue(stored.databaseValue) == text)
            #expect(abs(stored.timeIntervalSinceNow) < 60)
        }
    }

    @Test("rows written by earlier versions are compared and pruned by the same text order")
    func earlierRowsPruned() throws {
        let harness = try QueueHarness()
        defer { harness.cleanUp() }
        let store = try JobStore(path: harness.database)
        try DatabaseQueue(path: harness.database).write { db in
            for (url, time) in [("old", "2020-01-01 00:00:00.000"), ("new", "2999-01-01 00:00:00.000")] {
                try db.execute(
                    sql: """
                        INSERT INTO job (url, requester, scope, context, state, attempts, createdAt, updatedAt)
                        VALUES (?, 'a', 'test', '', 'delivered', 1, ?, ?)
                        """, arguments: [url, time, time])
            }
        }
        #expect(try store.pruneFinished(olderThan: Date(timeIntervalSince1970: 1_764_650_096.5)) == 1)
        let left = try DatabaseQueue(path: harness.database).read { db in
            try String.fetchAll(db, sql: "SELECT url FROM job")
        }
        #expect(left == ["new"])
    }

    @Test("times render to the nearest millisecond, as GRDB's formatter does (a carry reaches the second)")
    func milliseconds() throws {
        for seconds in [0, 1_764_650_096.7504, 1_764_650_096.9999, 951_782_400.001, 4_102_444_799.5] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(JobStore.storedTime(date) == String.fromDatabaseValue(date.databaseValue))
        }
    }
}
