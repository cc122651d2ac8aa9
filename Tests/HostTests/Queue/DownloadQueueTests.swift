import BossCore
import Foundation
import TestSupport
import Testing

@Suite("The download queue: bounds, fairness, cancellation, events")
struct DownloadQueueTests {
    @Test(
        "never more than maxRunning at once; the waiting limit refuses the next job with .full",
        arguments: QueueStoreKind.allCases)
    func bounds(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let executor = GatedExecutor()
        let queue = try await harness.queue(executor, running: 2, waiting: 3)
        try await queue.start()
        for index in 0..<5 { _ = try await queue.enqueue(url: "u\(index)", requester: "a", context: "") }
        #expect(await eventually(within: .seconds(60)) { executor.started.withLock { $0.count } == 2 })
        await #expect(throws: QueueError.full(limit: 3)) {
            try await queue.enqueue(url: "u5", requester: "a", context: "")
        }
        executor.open("u0")
        #expect(await eventually { executor.started.withLock { $0.count } == 3 })
        _ = try await queue.enqueue(url: "u6", requester: "a", context: "")
        executor.openEverything()
        #expect(await eventually(within: .seconds(60)) { executor.completions.withLock { $0.count } == 6 })
        #expect(executor.concurrent.withLock { $0.peak } == 2)
        await queue.shutdown(gracePeriod: .seconds(1))
    }

    @Test(
        "round-robin across requesters: one person's many links do not starve the others",
        arguments: QueueStoreKind.allCases)
    func fairness(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let executor = GatedExecutor(openAll: true)
        let queue = try await harness.queue(executor, running: 1)
        for index in 0..<4 { _ = try await queue.enqueue(url: "a\(index)", requester: "alice", context: "") }
        _ = try await queue.enqueue(url: "b0", requester: "bob", context: "")
        _ = try await queue.enqueue(url: "c0", requester: "carol", context: "")
        let planned = await queue.snapshot().queued.map(\.url)
        #expect(planned == ["a0", "b0", "c0", "a1", "a2", "a3"])
        try await queue.start()
        #expect(await eventually(within: .seconds(60)) { executor.started.withLock { $0.count } == 6 })
        #expect(executor.started.withLock { $0 } == ["a0", "b0", "c0", "a1", "a2", "a3"])
        await queue.shutdown(gracePeriod: .seconds(1))
    }

    @Test(
        "cancel a waiting job at once and a running one through its control; failures keep their message",
        arguments: QueueStoreKind.allCases)
    func cancelAndFail(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let executor = GatedExecutor()
        let queue = try await harness.queue(executor, running: 1)
        try await queue.start()
        let running = try await queue.enqueue(url: "slow", requester: "a", context: "")
        let waiting = try await queue.enqueue(url: "later", requester: "a", context: "")
        #expect(await eventually { executor.started.withLock { $0 } == ["slow"] })
        #expect(try await queue.cancel(waiting.id).state == .cancelled)
        _ = try await queue.cancel(running.id)
        #expect(await queue.waitUntilFinished(running.id)?.state == .cancelled)
        await #expect(throws: QueueError.alreadyFinished(waiting.id, .cancelled)) {
            try await queue.cancel(waiting.id)
        }
        await #expect(throws: QueueError.notFound(JobID(rawValue: 999))) {
            try await queue.cancel(JobID(rawValue: 999))
        }
        let failing = try await queue.enqueue(url: "fail-1", requester: "a", context: "")
        executor.open("fail-1")
        let failed = try #require(await queue.waitUntilFinished(failing.id))
        #expect(
            failed.state == .failed && failed.failureCategory == .upstream
                && failed.failureMessage == "no such post")
        await queue.shutdown(gracePeriod: .seconds(1))
    }

    @Test("events: queued, started, finished, to every subscriber", arguments: QueueStoreKind.allCases)
    func events(_ kind: QueueStoreKind) async throws {
        let harness = try await QueueHarness.start(kind)
        defer { harness.cleanUp() }
        let queue = try await harness.queue(GatedExecutor(openAll: true))
        let stream = queue.events()
        try await queue.start()
        let job = try await queue.enqueue(url: "e", requester: "a", context: "ctx")
        var seen: [String] = []
        for await event in stream {
            switch event {
            case .queued(let j): seen.append("queued \(j.context)")
            case .started(let j): seen.append("started \(j.attempts)")
            case .finished(let j): seen.append("finished \(j.state.rawValue)")
            }
            if seen.count == 3 { break }
        }
        #expect(seen == ["queued ctx", "started 1", "finished delivered"])
        #expect(await queue.job(job.id)?.state == .delivered)
        await queue.shutdown(gracePeriod: .seconds(1))
    }
}
