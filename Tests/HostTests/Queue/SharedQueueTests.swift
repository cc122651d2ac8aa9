import BossCore
import BossQueuePostgres
import Foundation
import Logging
import TestSupport
import Testing

/// Several processes on one PostgreSQL queue, each played by a `DownloadQueue` with a store and worker
/// identity of its own (what a separate process would have).
@Suite("The shared PostgreSQL queue across processes")
struct SharedQueueTests {
    private func process(
        _ harness: QueueHarness, _ executor: any JobExecutor, running: Int, waiting: Int = 50,
        lease: Duration = .seconds(30)
    ) async throws -> DownloadQueue {
        DownloadQueue(
            store: try await harness.store(), scope: "discord",
            limits: QueueLimits(maxRunning: running, maxWaiting: waiting),
            executor: executor, logger: Logger(label: "test"), leaseDuration: lease)
    }

    @Test("two workers take every job exactly once between them, never more than their limits at once")
    func exactlyOnceAcrossWorkers() async throws {
        let harness = try await QueueHarness.start(.postgres)
        defer { harness.cleanUp() }
        let gateway = try await process(harness, GatedExecutor(), running: 0)
        let (one, two) = (GatedExecutor(openAll: true), GatedExecutor(openAll: true))
        let workers = [
            try await process(harness, one, running: 2), try await process(harness, two, running: 2),
        ]
        try await gateway.start()
        for worker in workers { try await worker.start() }
        var ids: [JobID] = []
        for index in 0..<20 {
            ids.append(
                try await gateway.enqueue(url: "u\(index)", requester: "user\(index % 3)", context: "").id)
        }
        for id in ids { #expect(await gateway.waitUntilFinished(id)?.state == .delivered) }
        let runs = [one, two].map { $0.completions.withLock { $0 } }
        #expect(
            runs[0].merging(runs[1], uniquingKeysWith: +)
                == Dictionary(uniqueKeysWithValues: ids.map { ($0, 1) }))
        #expect(one.concurrent.withLock { $0.peak } <= 2 && two.concurrent.withLock { $0.peak } <= 2)
        #expect(!runs[0].isEmpty && !runs[1].isEmpty, "both workers took jobs: \(runs.map(\.count))")
        for queue in workers + [gateway] { await queue.shutdown(gracePeriod: .seconds(1)) }
    }

    @Test("a gateway's new job and its cancel reach the worker through NOTIFY, long before the lease beat")
    func noticesAcrossProcesses() async throws {
        let harness = try await QueueHarness.start(.postgres)
        defer { harness.cleanUp() }
        let gateway = try await process(harness, GatedExecutor(), running: 0)
        let executor = GatedExecutor()
        // A 2-minute lease: the beat (a third of it) comes after 40 s, so only NOTIFY can be this quick.
        let worker = try await process(harness, executor, running: 1, lease: .seconds(120))
        try await worker.start()
        try await gateway.start()
        let job = try await gateway.enqueue(url: "slow", requester: "a", context: "")
        #expect(await eventually(within: .seconds(20)) { executor.started.withLock { $0 == ["slow"] } })
        #expect(
            await gateway.snapshot().running.map(\.job.id) == [job.id],
            "the gateway sees the job run elsewhere")
        #expect(try await gateway.cancel(job.id).state == .running, "asked to stop, still running elsewhere")
        let store = try await harness.store()
        #expect(await eventually(within: .seconds(20)) { (try? store.job(job.id))?.state == .cancelled })
        for queue in [worker, gateway] { await queue.shutdown(gracePeriod: .seconds(1)) }
    }

    @Test("the waiting limit and the per-requester cap hold across processes")
    func limitsAcrossProcesses() async throws {
        let harness = try await QueueHarness.start(.postgres)
        defer { harness.cleanUp() }
        let limits = QueueLimits(maxRunning: 0, maxWaiting: 3, maxWaitingPerRequester: 2)
        let stores = [try await harness.store(), try await harness.store()]
        _ = try stores[0].enqueue(url: "a", requester: "x", scope: "discord", context: "", limits: limits)
        _ = try stores[1].enqueue(url: "b", requester: "x", scope: "discord", context: "", limits: limits)
        #expect(throws: QueueError.requesterFull(limit: 2)) {
            try stores[0].enqueue(url: "c", requester: "x", scope: "discord", context: "", limits: limits)
        }
        _ = try stores[0].enqueue(url: "d", requester: "y", scope: "discord", context: "", limits: limits)
        #expect(throws: QueueError.full(limit: 3)) {
            try stores[1].enqueue(url: "e", requester: "z", scope: "discord", context: "", limits: limits)
        }
    }

    @Test("the schema is created once with its version; a database from a newer version is refused")
    func schemaVersion() async throws {
        let harness = try await QueueHarness.start(.postgres)
        defer { harness.cleanUp() }
        let url = try #require(harness.postgresURL)
        _ = try TestPostgres.store(url)
        _ = try TestPostgres.store(url)  // a second process finds it migrated
        #expect(try TestPostgres.query("SELECT max(version) FROM boss_schema_version", url: url) == "1")
        _ = try TestPostgres.query("INSERT INTO boss_schema_version (version) VALUES (99)", url: url)
        #expect(throws: PostgresQueueError.self) { _ = try TestPostgres.store(url) }
    }

    @Test(
        "a lease that ran out goes to another worker, never back to its own (whose renewal was only late)",
        arguments: QueueStoreKind.allCases)
    func expiredLeases(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let store = try await harness.store()
        let (mine, other) = (
            JobLease(worker: "mine", duration: .milliseconds(200)),
            JobLease(worker: "other", duration: .seconds(30))
        )
        let job = try store.enqueue(url: "u", requester: "a", scope: "s", context: "", limits: QueueLimits())
        #expect(try store.claims.claimNext(scope: "s", lease: mine)?.id == job.id)
        try await Task.sleep(for: .milliseconds(400))
        #expect(try store.claims.claimNext(scope: "s", lease: mine) == nil, "its own job, still running")
        let taken = try #require(try store.claims.claimNext(scope: "s", lease: other))
        #expect(taken.id == job.id && taken.attempts == 2)
        #expect(try store.claims.renew([job.id], lease: mine) == LeaseRenewal(lost: [job.id]))
        let late = try store.claims.finish(
            job.id, to: .delivered, failure: nil, refundsAttempt: false, worker: "mine")
        #expect(late == nil, "the late end of the first worker changes nothing")
        #expect(try store.job(job.id)?.state == .running)
    }
}
