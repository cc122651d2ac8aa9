import Logging

/// The machinery behind a `DownloadQueue`'s actor: the dispatcher's decisions carried out, job ends
/// stored and announced, waiting jobs cancelled. Used on its queue's actor only; each call that may
/// start a task is given the queue, which those tasks report back to.
final class QueueEngine {
    private let ledger: QueueLedger
    private let dispatcher: QueueDispatcher
    private let runner: JobRunner
    private let notifier: JobNotifier
    private let upkeep: LeaseUpkeep
    private let logger: Logger
    init(
        store: any QueueStore, scope: String, limits: QueueLimits, lease: JobLease, executor: any JobExecutor,
        broadcaster: EventBroadcaster, logger: Logger
    ) {
        ledger = QueueLedger(store: store, scope: scope, lease: lease, logger: logger)
        dispatcher = QueueDispatcher(ledger: ledger, limits: limits, logger: logger)
        runner = JobRunner(executor: executor, limits: limits, logger: logger)
        notifier = JobNotifier(broadcaster: broadcaster)
        upkeep = LeaseUpkeep(scope: scope, ledger: ledger, dispatcher: dispatcher, logger: logger)
        self.logger = logger
    }

    var ledgerFault: String? { ledger.faultMessage }
    var isIdle: Bool { dispatcher.isIdle }
    func job(_ id: JobID) -> Job? { try? ledger.job(id) }
    func snapshot() -> QueueSnapshot { dispatcher.snapshot() }
    func wait(for id: JobID, _ waiter: CheckedContinuation<Job?, Never>) { notifier.wait(for: id, waiter) }

    /// Re-queues what a crash left running, then starts dispatching.
    func start(for queue: DownloadQueue) throws(QueueError) {
        try ledger.recover()
        dispatcher.setDispatching(true)
        dispatch(for: queue)
    }

    func enqueue(
        url: String, requester: String, context: String, limits: QueueLimits, for queue: DownloadQueue
    )
        throws(QueueError) -> Job
    {
        let job = try ledger.enqueue(url: url, requester: requester, context: context, limits: limits)
        notifier.send(.queued(job))
        dispatch(for: queue)
        return job
    }

    /// Whether job `id` may still end (it runs, or the queue still starts jobs).
    func mayEnd(_ id: JobID) -> Bool { dispatcher.isDispatching || dispatcher.isRunning(id) }

    func cancel(_ id: JobID) throws(QueueError) -> Job {
        if let job = upkeep.cancelHere(id) { return job }
        let job = try ledger.cancel(id)
        if job.state == .cancelled { notifier.settle(job) }
        return job
    }

    /// Runs `body` on the lease upkeep; dispatches when it says a job may be ready.
    func upkeep(for queue: DownloadQueue, _ body: (LeaseUpkeep) -> Bool) {
        if body(upkeep) { dispatch(for: queue) }
    }

    /// Starts no more jobs; `interrupting` also interrupts the running ones.
    func stopDispatching(interrupting: Bool) {
        dispatcher.setDispatching(false)
        if interrupting { dispatcher.interruptAll() }
    }

    /// Gives up on jobs still running after the shutdown's wait (stored as queued), stores what can be
    /// stored, and wakes every waiter.
    func close(stopWait: Duration, for queue: DownloadQueue) {
        for id in dispatcher.runningIDs {
            logger.error("job \(id) did not stop within \(stopWait) of being interrupted; stored as queued")
            finish(id, .cancelled, for: queue)
        }
        saveEndings(for: queue)
        for id in ledger.unsavedIDs {
            logger.error("job \(id): its end could not be stored; it runs again at the next start")
        }
        notifier.resumeAll { id in try? ledger.job(id) }
    }

    func dispatch(for queue: DownloadQueue) {
        let (actions, retryIn) = dispatcher.dispatch()
        for action in actions {
            if case .run(let job, _) = action { notifier.send(.started(job)) }
            runner.perform(action, for: queue)
        }
        if let retryIn { runner.retry(after: retryIn, for: queue) }
    }

    /// A started job ended with `outcome`.
    func finish(_ id: JobID, _ outcome: JobOutcome, for queue: DownloadQueue) {
        guard dispatcher.finish(id, outcome) else { return }
        saveEndings(for: queue)
        dispatch(for: queue)
    }

    /// Stores the end of a job that never ran (dropped).
    func store(_ id: JobID, _ ending: JobEnding, for queue: DownloadQueue) {
        ledger.park(id, ending)
        saveEndings(for: queue)
    }

    /// The retry after a database fault is due; only the fault's clock moves once the queue is closed.
    func retry(isOpen: Bool, for queue: DownloadQueue) {
        ledger.retrying()
        guard isOpen else { return }
        saveEndings(for: queue)
        dispatch(for: queue)
    }

    private func saveEndings(for queue: DownloadQueue) {
        let (stored, retryIn) = ledger.saveEndings()
        for job in stored { notifier.settle(job) }
        if let retryIn { runner.retry(after: retryIn, for: queue) }
    }
}
