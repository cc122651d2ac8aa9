import Foundation
import Logging

/// The download queue of one scope ("cli" or "discord"): bounded, fair across requesters, persistent,
/// in one process (SQLite) or shared by many (PostgreSQL). Every state change is stored before it is
/// acted on, so a crash loses no job and never makes one run again once its outcome was stored. The
/// actor serializes its `QueueEngine` on a thread of its own (its store calls block) and owns its
/// lifecycle: the scope's lock, the lease beat and whether it takes jobs.
public actor DownloadQueue {
    private let limits: QueueLimits
    private let broadcaster = EventBroadcaster()
    private let engine: QueueEngine
    private let hold: QueueHold
    private let thread: DedicatedExecutor
    private var accepting = true

    /// Runs the actor on its own thread rather than the cooperative pool.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    /// Creates a queue that stores jobs but runs none until `start()`. Its jobs are leased for
    /// `leaseDuration` at a time (renewed every third of it while they run).
    public init(
        store: any QueueStore, scope: String, limits: QueueLimits, executor: any JobExecutor, logger: Logger,
        leaseDuration: Duration = .seconds(30)
    ) {
        self.limits = limits
        hold = QueueHold(store: store, scope: scope, leaseDuration: leaseDuration)
        thread = DedicatedExecutor(name: "queue-\(scope)")
        engine = QueueEngine(
            store: store, scope: scope, limits: limits,
            lease: JobLease(worker: JobLease.processWorker(), duration: leaseDuration), executor: executor,
            broadcaster: broadcaster, logger: logger)
    }

    /// Takes the scope's lock (a store of one process), re-queues jobs a crash left running, and starts
    /// dispatching and the lease beat.
    public func start() throws(QueueError) {
        try hold.lock()
        try engine.start(for: self)
        hold.open(self)
    }

    /// Queues a download, or refuses it when `maxWaiting` jobs already wait, or
    /// `maxWaitingPerRequester` of `requester`'s.
    public func enqueue(url: String, requester: String, context: String) throws(QueueError) -> Job {
        guard accepting else { throw .closed }
        return try engine.enqueue(url: url, requester: requester, context: context, limits: limits, for: self)
    }

    /// Every event from now on.
    public nonisolated func events() -> AsyncStream<JobEvent> { broadcaster.subscribe() }

    /// The job with `id`, as stored.
    public func job(_ id: JobID) -> Job? { engine.job(id) }

    /// Waits until job `id` has ended and returns it; nil for an unknown id. A job that cannot end any
    /// more (the queue is not dispatching) is returned as it is, so no caller waits forever.
    public func waitUntilFinished(_ id: JobID) async -> Job? {
        guard let job = engine.job(id) else { return nil }
        if job.state.isFinished || !engine.mayEnd(id) { return job }
        return await withCheckedContinuation { engine.wait(for: id, $0) }
    }

    /// Cancels a job: a waiting one ends at once, a running one is told to stop.
    public func cancel(_ id: JobID) throws(QueueError) -> Job { try engine.cancel(id) }

    /// Waiting jobs in start order, and running jobs with their progress.
    public func snapshot() -> QueueSnapshot { engine.snapshot() }

    /// Whether the queue takes new jobs (false once `shutdown` began).
    public var isAccepting: Bool { accepting }

    /// What the queue database refuses, while it lasts (for `/healthz`); nil while it takes writes.
    public var storageFault: String? { engine.ledgerFault }

    /// Stops taking and starting jobs, lets running ones finish within `gracePeriod`, then interrupts
    /// the rest (their child processes and transfers stop within a second); interrupted jobs are stored
    /// as queued so the next start runs them. One that has not stopped `stopWait` after that (a plugin
    /// ignoring cancellation) is stored as queued without waiting for it any longer.
    public func shutdown(gracePeriod: Duration, stopWait: Duration = .seconds(5)) async {
        accepting = false
        engine.stopDispatching(interrupting: false)
        await waitForRunningJobs(until: ContinuousClock.now + gracePeriod)
        engine.stopDispatching(interrupting: true)
        await waitForRunningJobs(until: ContinuousClock.now + stopWait)
        engine.close(stopWait: stopWait, for: self)
        hold.close()
    }

    /// Drops the scope lock and stops dispatching without touching any job, as if the process had been
    /// killed: for crash-recovery tests (reached with `@testable import`), where the kernel would
    /// release the lock of a dead process.
    func releaseLockAsIfProcessDied() {
        engine.stopDispatching(interrupting: false)
        accepting = false
        hold.close()
    }

    /// A started job ended (its task reports back here).
    func finish(_ id: JobID, _ outcome: JobOutcome) { engine.finish(id, outcome, for: self) }

    /// A dropped job's end is ready to store.
    func store(_ id: JobID, _ ending: JobEnding) { engine.store(id, ending, for: self) }

    /// The retry after a database fault is due.
    func retryAfterFault() { engine.retry(isOpen: hold.isOpen, for: self) }
    /// The lease beat is due.
    func beat() { engine.upkeep(for: self) { $0.renew() } }
    /// Another process sharing the store announced something.
    func heard(_ notice: QueueNotice) { engine.upkeep(for: self) { $0.heard(notice) } }

    private func waitForRunningJobs(until deadline: ContinuousClock.Instant) async {
        while !engine.isIdle && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
