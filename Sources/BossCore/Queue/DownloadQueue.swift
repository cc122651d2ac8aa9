import Foundation
import Logging

/// The download queue of one scope ("cli" or "discord"): bounded, fair across requesters, persistent.
/// Every state change is stored before it is acted on, so a crash loses no job and never makes one run
/// again once its outcome was stored.
public actor DownloadQueue {
    let store: JobStore
    let scope: String
    let limits: QueueLimits
    let executor: any JobExecutor
    let logger: Logger
    let broadcaster = EventBroadcaster()
    var running: [JobID: (job: Job, control: JobControl)] = [:]
    var lastServed: [String: Int] = [:]
    var servings = 0
    /// Jobs may be queued before `start()`: they are stored and wait for the workers.
    var accepting = true
    var dispatching = false
    var interruptedByShutdown: Set<JobID> = []
    var waiters: [JobID: [CheckedContinuation<Job?, Never>]] = [:]
    var lock: ScopeLock?
    var fault = DatabaseFault()

    /// Creates a queue that stores jobs but runs none until `start()`.
    public init(
        store: JobStore, scope: String, limits: QueueLimits, executor: any JobExecutor, logger: Logger
    ) {
        self.store = store
        self.scope = scope
        self.limits = limits
        self.executor = executor
        self.logger = logger
    }

    /// Takes the scope's lock, re-queues jobs a crash left running, and starts dispatching.
    public func start() throws(QueueError) {
        lock = try ScopeLock(path: store.path + ".\(scope).lock", scope: scope)
        let recovered = try database { try store.recoverInterrupted(scope: scope) }
        let pruned = try database { try store.pruneFinished(olderThan: Date() - JobStore.retention) }
        if pruned > 0 { logger.info("pruned \(pruned) finished job(s) older than 30 days") }
        for job in recovered {
            logger.notice("job \(job.id) was interrupted; queued again", metadata: ["url": "\(job.url)"])
        }
        dispatching = true
        dispatch()
    }

    /// Queues a download, or refuses it when `maxWaiting` jobs already wait, or
    /// `maxWaitingPerRequester` of `requester`'s.
    public func enqueue(url: String, requester: String, context: String) throws(QueueError) -> Job {
        guard accepting else { throw .closed }
        let stored: Job?
        do {
            stored = try database {
                try store.enqueue(
                    url: url, requester: requester, scope: scope, context: context, limits: limits)
            }
        } catch {
            logger.notice("refused job: \(error)", metadata: ["requester": "\(requester)", "url": "\(url)"])
            throw error
        }
        guard let job = stored else { throw .database("the new job was not found after it was stored") }
        logger.info("job \(job.id) queued", metadata: ["requester": "\(requester)", "url": "\(url)"])
        broadcaster.send(.queued(job))
        dispatch()
        return job
    }

    /// Every event from now on.
    public nonisolated func events() -> AsyncStream<JobEvent> { broadcaster.subscribe() }

    /// The job with `id`, as stored.
    public func job(_ id: JobID) -> Job? { try? store.job(id) }

    /// Waits until job `id` has ended and returns it; nil for an unknown id. A job that cannot end any
    /// more (the queue is not dispatching) is returned as it is, so no caller waits forever.
    public func waitUntilFinished(_ id: JobID) async -> Job? {
        guard let job = try? store.job(id) else { return nil }
        if job.state.isFinished || (!dispatching && running[id] == nil) { return job }
        return await withCheckedContinuation { waiters[id, default: []].append($0) }
    }

    /// Runs a store call; its own refusals (`QueueError`) pass through, anything else is a database fault.
    func database<T>(_ body: () throws -> T) throws(QueueError) -> T {
        do { return try body() } catch let refusal as QueueError { throw refusal } catch {
            throw .database("\(error)")
        }
    }
}

extension DownloadQueue {
    /// Drops the scope lock and stops dispatching without touching any job, as if the process had been
    /// killed: for crash-recovery tests, where the kernel would release the lock of a dead process.
    public func releaseLockAsIfProcessDied() {
        dispatching = false
        accepting = false
        lock?.release()
        lock = nil
    }
}
