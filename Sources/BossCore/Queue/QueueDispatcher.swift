import Logging

/// Decides which queued jobs start while workers are free (fairly across requesters), and takes back
/// the ones that ended. It stops at the first write the database refuses: the retry comes from a task
/// after a backoff, never from a loop inside the actor. Used on its queue's actor only; the queue runs
/// what it decides.
final class QueueDispatcher {
    /// What the queue must do for a job the dispatcher dealt with.
    enum Action {
        /// The job started: run it.
        case run(Job, JobControl)
        /// It crashed the process on each of its last `maxAttempts` starts: fail it without running it.
        case drop(Job)
        /// Its start could not be stored: tell its requester it waits.
        case tellDelayed(Job)
    }

    private let ledger: QueueLedger
    private let limits: QueueLimits
    private let logger: Logger
    private let running = RunningJobs()
    /// Jobs may be queued before the queue starts: they are stored and wait for the workers.
    private(set) var isDispatching = false

    init(ledger: QueueLedger, limits: QueueLimits, logger: Logger) {
        self.ledger = ledger
        self.limits = limits
        self.logger = logger
    }

    /// Starts (true) or stops (false) starting jobs.
    func setDispatching(_ on: Bool) { isDispatching = on }

    var isIdle: Bool { running.isEmpty }
    var runningIDs: [JobID] { running.ids }
    func isRunning(_ id: JobID) -> Bool { running.contains(id) }
    /// The running job `id` and its control.
    func entry(_ id: JobID) -> (job: Job, control: JobControl)? { running.entry(id) }
    /// Interrupts every running job for shutdown.
    func interruptAll() { running.interruptAll() }

    /// Starts queued jobs while workers are free: what the queue must do, and the delay before a retry
    /// when the database refused a write.
    func dispatch() -> (actions: [Action], retryIn: Duration?) {
        guard isDispatching, !ledger.isStalled else { return ([], nil) }
        var actions: [Action] = []
        while running.count < limits.maxRunning {
            let started: Job?
            do {
                started = try ledger.claimNext()
            } catch {
                let delay = ledger.failed(error, doing: "starting the next job", stalls: true)
                return (actions + tellNextItWaits(), delay)
            }
            ledger.succeeded()  // nothing waits that a fault could still hold back
            guard let job = started else { return (actions, nil) }
            guard job.attempts <= limits.maxAttempts else {
                actions.append(.drop(job))
                continue
            }
            let control = JobControl()
            running.add(job, control: control)
            logger.info(
                "job \(job.id) started (attempt \(job.attempts))",
                metadata: ["requester": "\(job.requester)", "url": "\(job.url)"])
            actions.append(.run(job, control))
        }
        return (actions, nil)
    }

    /// Tells the requester of the job that would start next that it waits, once per job, when the store
    /// still answers reads.
    private func tellNextItWaits() -> [Action] {
        do {
            guard let next = try ledger.jobs().waiting.first, ledger.mustTell(next.id) else { return [] }
            return [.tellDelayed(next)]
        } catch {
            logger.error("queue database: cannot read the waiting jobs", metadata: ["error": "\(error)"])
            return []
        }
    }

    /// Takes back job `id`, which ended, and parks its end for the ledger; false when it was not
    /// running any more (shutdown stopped waiting for it and stored it as queued: its end changes nothing).
    func finish(_ id: JobID, _ outcome: JobOutcome) -> Bool {
        switch running.remove(id) {
        case nil: return false
        case .interrupted?:
            ledger.park(id, .interrupted)
            logger.notice("job \(id) interrupted by shutdown; it runs again at the next start")
        case .ended?: ledger.park(id, .outcome(outcome))
        }
        return true
    }

    /// Waiting jobs in start order, and running jobs (on every process sharing the store) with their
    /// progress where this process runs them.
    func snapshot() -> QueueSnapshot {
        do {
            let (waiting, stored) = try ledger.jobs()
            let local = Dictionary(uniqueKeysWithValues: running.progress.map { ($0.job.id, $0) })
            let elsewhere = stored.filter { local[$0.id] == nil }.map { ($0, JobProgress()) }
            return QueueSnapshot(
                queued: waiting, running: (running.progress + elsewhere).sorted { $0.0.id < $1.0.id })
        } catch {
            logger.error("queue database: cannot read the waiting jobs", metadata: ["error": "\(error)"])
            return QueueSnapshot(queued: [], running: running.progress)
        }
    }
}
