import BossCore
import BossQueuePostgres
import Foundation
import Logging

// `make bench`'s queue-operations row, built in release like the host: enqueue, claim and finish on the
// PostgreSQL store against the embedded SQLite store (the reference), 50 jobs waiting at a time (the
// default `BOSS_MAX_QUEUE`). Prints `queue-ops POSTGRES SQLITE` in operations per second.
// Usage: boss-bench-queue-ops SQLITE_FILE POSTGRES_URL
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: boss-bench-queue-ops SQLITE_FILE POSTGRES_URL\n".utf8))
    exit(2)
}

func queueOperations(_ store: any QueueStore, count: Int) throws -> Double {
    let limits = QueueLimits(maxRunning: 1, maxWaiting: 50, maxWaitingPerRequester: 50)
    let lease = JobLease(worker: "bench", duration: .seconds(30))
    let start = ContinuousClock.now
    for batch in stride(from: 0, to: count, by: 50) {
        for index in batch..<min(batch + 50, count) {
            _ = try store.enqueue(
                url: "u\(index)", requester: "r\(index % 7)", scope: "b", context: "", limits: limits)
        }
        while let job = try store.claims.claimNext(scope: "b", lease: lease) {
            _ = try store.claims.finish(
                job.id, to: .delivered, failure: nil, refundsAttempt: false, worker: "bench")
        }
    }
    return Double(3 * count) / ((ContinuousClock.now - start) / .seconds(1))
}

let sqlite = try queueOperations(JobStore(path: arguments[1]), count: 1000)
let postgres = try queueOperations(
    PostgresQueueStore(url: PostgresQueueURL(arguments[2]), logger: Logger(label: "bench")), count: 1000)
print(String(format: "queue-ops %.0f %.0f", postgres, sqlite))
