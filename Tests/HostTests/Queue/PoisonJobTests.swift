import Foundation
import Logging
import Synchronization
import TestSupport
import Testing

@testable import BossCore

/// A job that takes the process down every time it runs must not take it down forever.
@Suite("Poison jobs and old rows")
struct PoisonJobTests {
    @Test(
        "a job interrupted by a crash three times is dropped with a reason instead of run a fourth time",
        arguments: QueueStoreKind.allCases)
    func poisonJobDropped(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        var id: JobID?
        for crash in 0..<3 {
            let executor = GatedExecutor()
            let queue = try await harness.queue(executor)
            try await queue.start()
            if crash == 0 { id = try await queue.enqueue(url: "poison", requester: "a", context: "").id }
            // Started here (a shared store's snapshot also lists the job the last "process" held).
            #expect(await eventually { executor.started.withLock { $0.count } == 1 })
            await queue.releaseLockAsIfProcessDied()  // the process "dies" mid-download
        }
        let executor = RecordingExecutor()
        let queue = try await harness.queue(executor)
        try await queue.start()
        let poison = try #require(id)
        let job = try #require(await queue.waitUntilFinished(poison))
        #expect(job.state == .failed)
        #expect(job.failureMessage?.contains("3 times") == true)
        #expect(executor.gate.started.withLock { $0.isEmpty })
        #expect(executor.abandoned.withLock { $0.map(\.0) } == [job.id])
    }

    @Test(
        "a job stopped by graceful shutdowns is not counted as crashing", arguments: QueueStoreKind.allCases)
    func shutdownsAreNotCrashes(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        var id: JobID?
        for round in 0..<4 {
            let executor = GatedExecutor()
            let queue = try await harness.queue(executor)
            try await queue.start()
            if round == 0 { id = try await queue.enqueue(url: "slow", requester: "a", context: "").id }
            #expect(await eventually { executor.started.withLock { $0.count } == 1 })
            await queue.shutdown(gracePeriod: .zero)
        }
        let executor = GatedExecutor(openAll: true)
        let queue = try await harness.queue(executor)
        try await queue.start()
        let slow = try #require(id)
        #expect(await queue.waitUntilFinished(slow)?.state == .delivered)
    }

    @Test(
        "finished rows older than the retention are pruned at start; unfinished ones never",
        arguments: QueueStoreKind.allCases)
    func pruning(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let store = try await harness.store()
        let queue = try await harness.queue(GatedExecutor(openAll: true))
        try await queue.start()
        let old = try await queue.enqueue(url: "old", requester: "a", context: "")
        _ = await queue.waitUntilFinished(old.id)
        await queue.shutdown(gracePeriod: .zero)
        #expect(try store.pruneFinished(olderThan: Date().addingTimeInterval(60)) == 1)
        #expect(try store.job(old.id) == nil)
    }
}
