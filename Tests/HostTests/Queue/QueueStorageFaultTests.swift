import BossCore
import Foundation
import GRDB
import TestSupport
import Testing

/// The queue when its database refuses writes (disk full, read-only) or another process holds the
/// write lock: it stays responsive, loses no outcome, tells the waiting job's requester, reports the
/// fault while it lasts, and carries on once the database takes writes again.
@Suite("The download queue under storage faults", .serialized)
struct QueueStorageFaultTests {
    /// A one-worker queue running job "first" (held by its gate) with job "second" waiting.
    struct TwoJobs {
        let queue: DownloadQueue
        let executor = RecordingExecutor()
        let first: Job
        let second: Job

        init(_ harness: QueueHarness) async throws {
            queue = try await harness.queue(executor, running: 1)
            try await queue.start()
            first = try await queue.enqueue(url: "first", requester: "a", context: "")
            let gate = executor.gate
            #expect(await eventually { gate.started.withLock { $0 } == ["first"] })
            second = try await queue.enqueue(url: "second", requester: "b", context: "")
        }

        /// Lets both jobs finish once the database takes writes again: each ends stored as delivered,
        /// having run once, and the fault is over.
        func expectRecovery() async {
            executor.gate.open("second")
            #expect(await queue.waitUntilFinished(first.id)?.state == .delivered)
            #expect(await queue.waitUntilFinished(second.id)?.state == .delivered)
            #expect(await queue.storageFault == nil)
            #expect(executor.gate.completions.withLock { $0 } == [first.id: 1, second.id: 1])
            await queue.shutdown(gracePeriod: .seconds(1))
        }
    }

    /// Makes SQLite refuse every UPDATE of a job (each state change is one), as a full disk would;
    /// `DROP TRIGGER refuse_writes` undoes it.
    /// `when` narrows it to some updates (a SQL condition on `NEW`).
    static func refuseWrites(_ database: String, when condition: String = "1") throws -> DatabaseQueue {
        let saboteur = try DatabaseQueue(path: database)
        try saboteur.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_writes BEFORE UPDATE ON job WHEN \(condition)
                    BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
                    """)
        }
        return saboteur
    }

    @Test(
        "a database that refuses writes: no hang, the outcome is kept and stored later, the requester told",
        .timeLimit(.minutes(1)))
    func refusedWrites() async throws {
        let harness = try QueueHarness()
        defer { harness.cleanUp() }
        let jobs = try await TwoJobs(harness)
        let (queue, executor) = (jobs.queue, jobs.executor)
        let saboteur = try Self.refuseWrites(harness.database)
        executor.gate.open("first")
        #expect(await eventually { await queue.storageFault != nil })
        #expect(await queue.storageFault?.contains("disk is full") == true)
        #expect(await eventually { executor.delayed.withLock { $0.map(\.0) } == [jobs.second.id] })
        #expect(await queue.snapshot().queued.map(\.id) == [jobs.second.id])
        #expect(executor.gate.started.withLock { $0 } == ["first"])
        try await saboteur.write { try $0.execute(sql: "DROP TRIGGER refuse_writes") }
        await jobs.expectRecovery()
        #expect(executor.delayed.withLock { $0.count } == 1, "the requester is told once, not per retry")
    }

    @Test("a fault with nothing left to retry (the waiting job was cancelled) ends at the next retry")
    func faultClearsWhenNothingIsLeft() async throws {
        let harness = try QueueHarness()
        defer { harness.cleanUp() }
        let executor = RecordingExecutor()
        let queue = try await harness.queue(executor, running: 1)
        try await queue.start()
        // Only starting a job is refused, so the cancel is stored while the fault lasts and no retry can
        // start the job first.
        let saboteur = try Self.refuseWrites(harness.database, when: "NEW.state = 'running'")
        let job = try await queue.enqueue(url: "x", requester: "a", context: "")
        #expect(await eventually { executor.delayed.withLock { $0.map(\.0) } == [job.id] })
        #expect(await queue.storageFault != nil)
        #expect(try await queue.cancel(job.id).state == .cancelled)
        try await saboteur.write { try $0.execute(sql: "DROP TRIGGER refuse_writes") }
        #expect(await eventually { await queue.storageFault == nil })
        #expect(executor.gate.started.withLock { $0.isEmpty })
        await queue.shutdown(gracePeriod: .zero)
    }

    @Test(
        "another process holding the write lock: the queue waits, stays responsive, and resumes",
        .timeLimit(.minutes(1)))
    func writeLockHeldByAnotherProcess() async throws {
        let harness = try QueueHarness()
        defer { harness.cleanUp() }
        let jobs = try await TwoJobs(harness)
        let (queue, executor) = (jobs.queue, jobs.executor)
        let holder = try ChildProcess(
            "/usr/bin/env",
            [
                "python3", "-c",
                """
                import sqlite3, sys, time
                db = sqlite3.connect(sys.argv[1], isolation_level=None)
                db.execute('BEGIN IMMEDIATE')
                print('locked', flush=True)
                time.sleep(120)
                """, harness.database,
            ], environment: [:], directory: harness.root)
        defer { holder.kill(SIGKILL) }
        #expect(await eventually { holder.stdout.contains("locked") })
        executor.gate.open("first")
        #expect(await eventually(within: .seconds(30)) { await queue.storageFault != nil })
        #expect(await queue.storageFault?.contains("locked") == true)
        let asked = ContinuousClock.now
        _ = await queue.snapshot()
        #expect(ContinuousClock.now - asked < .seconds(4), "a queue call waits at most one busy timeout")
        #expect(await eventually(within: .seconds(30)) { executor.delayed.withLock { !$0.isEmpty } })
        holder.kill(SIGKILL)
        _ = await holder.wait(timeout: .seconds(10))
        await jobs.expectRecovery()
    }
}
