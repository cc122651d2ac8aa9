import Foundation
import TestSupport
import Testing

@testable import BossCore

@Suite("The queue across crashes, shutdowns and processes")
struct QueueRecoveryTests {
    @Test(
        "jobs a crash left running or queued all run after a restart, each to completion exactly once",
        arguments: QueueStoreKind.allCases)
    func crashRecovery(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let store = try await harness.store()
        let first = GatedExecutor()
        let crashed = DownloadQueue(
            store: store, scope: "cli", limits: QueueLimits(maxRunning: 1), executor: first,
            logger: .init(label: "t"), leaseDuration: harness.leaseDuration)
        try await crashed.start()
        let done = try await crashed.enqueue(url: "done", requester: "a", context: "")
        first.open("done")
        _ = await crashed.waitUntilFinished(done.id)
        let interrupted = try await crashed.enqueue(url: "interrupted", requester: "a", context: "")
        let waiting = try await crashed.enqueue(url: "waiting", requester: "b", context: "")
        #expect(await eventually { first.started.withLock { $0.contains("interrupted") } })
        #expect(try store.job(interrupted.id)?.state == .running)
        // The "crash": this process's queue is abandoned without shutdown; the lock dies with it.
        await crashed.releaseLockAsIfProcessDied()

        let second = GatedExecutor(openAll: true)
        let restarted = try await harness.queue(second)
        try await restarted.start()
        #expect(await restarted.waitUntilFinished(interrupted.id)?.state == .delivered)
        #expect(await restarted.waitUntilFinished(waiting.id)?.state == .delivered)
        #expect(try store.job(interrupted.id)?.attempts == 2)
        #expect(second.completions.withLock { $0 } == [interrupted.id: 1, waiting.id: 1])
        #expect(first.completions.withLock { $0 } == [done.id: 1], "the delivered job never ran again")
        await restarted.shutdown(gracePeriod: .seconds(1))
    }

    @Test(
        "shutdown waits a bounded time for a job that ignores being stopped, and stores it as queued",
        arguments: QueueStoreKind.allCases)
    func shutdownIsBounded(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let executor = GatedExecutor()
        let queue = try await harness.queue(executor)
        try await queue.start()
        let deaf = try await queue.enqueue(url: "deaf", requester: "a", context: "")
        #expect(await eventually { executor.started.withLock { $0 == ["deaf"] } })
        let started = ContinuousClock.now
        await queue.shutdown(gracePeriod: .zero, stopWait: .milliseconds(300))
        // The deaf job never ends until its gate opens below, so an unbounded wait never returns; 30 s
        // leaves room for a suite that starves the cooperative pool (seen: 13-17 s in full parallel runs).
        #expect(ContinuousClock.now - started < .seconds(30), "shutdown waited for the deaf job")
        let store = try await harness.store()
        #expect(try store.job(deaf.id)?.state == .queued && store.job(deaf.id)?.attempts == 0)
        executor.open("deaf")  // it ends late; what it says changes nothing stored
        #expect(await eventually { executor.completions.withLock { $0[deaf.id] } == 1 })
        #expect(try store.job(deaf.id)?.state == .queued)
    }

    @Test(
        "shutdown: a job finishing within the grace period is delivered; one that does not is kept queued",
        arguments: QueueStoreKind.allCases)
    func gracefulShutdown(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let executor = GatedExecutor()
        let queue = try await harness.queue(executor, running: 2)
        try await queue.start()
        let quick = try await queue.enqueue(url: "quick", requester: "a", context: "")
        let stuck = try await queue.enqueue(url: "stuck", requester: "b", context: "")
        #expect(await eventually { executor.started.withLock { $0.count } == 2 })
        let waiter = Task { await queue.waitUntilFinished(stuck.id) }
        executor.open("quick")  // finishes within the grace period; "stuck" never does
        await queue.shutdown(gracePeriod: .seconds(2))
        #expect(
            await waiter.value?.state == .queued, "a waiter is released by the shutdown, not left hanging")
        let store = try await harness.store()
        #expect(try store.job(quick.id)?.state == .delivered && store.job(stuck.id)?.state == .queued)
        await #expect(throws: QueueError.closed) {
            try await queue.enqueue(url: "late", requester: "a", context: "")
        }
    }

    @Test("a second queue of the same scope on the same database is refused while the first runs")
    func scopeLock() async throws {
        let harness = try QueueHarness()
        defer { harness.cleanUp() }
        let first = try await harness.queue(GatedExecutor())
        try await first.start()
        let second = try await harness.queue(GatedExecutor())
        await #expect(throws: QueueError.self) { try await second.start() }
        let otherScope = try await harness.queue(GatedExecutor(), scope: "discord")
        try await otherScope.start()
        await first.shutdown(gracePeriod: .zero)
        try await second.start()
        await second.shutdown(gracePeriod: .zero)
        await otherScope.shutdown(gracePeriod: .zero)
    }
}
