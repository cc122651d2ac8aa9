import Foundation
import Logging

/// A queue's side of its store: every store call of one scope under this process's lease, and the
/// fault a refused write leaves (`DatabaseFault`): the job ends held back until they are stored, and
/// when to retry. Used on its queue's actor only.
final class QueueLedger {
    private let store: any QueueStore
    private let scope: String
    private let logger: Logger
    private var fault = DatabaseFault()
    /// This process's hold on the jobs it runs.
    let lease: JobLease

    init(store: any QueueStore, scope: String, lease: JobLease, logger: Logger) {
        self.store = store
        self.scope = scope
        self.lease = lease
        self.logger = logger
    }

    var isStalled: Bool { fault.isStalled }
    var faultMessage: String? { fault.message }
    /// Re-queues the jobs a crash left running (when this is the scope's only process) and prunes old
    /// finished ones.
    func recover() throws(QueueError) {
        if case .exclusive = store.sharing {
            for job in try database({ try store.recoverInterrupted(scope: scope) }) {
                logger.notice("job \(job.id) was interrupted; queued again", metadata: ["url": "\(job.url)"])
            }
        }
        let pruned = try database { try store.pruneFinished(olderThan: Date() - Job.retention) }
        if pruned > 0 { logger.info("pruned \(pruned) finished job(s) older than 30 days") }
    }

    /// Stores a new job, or refuses it (`QueueError`) when the limits say so.
    func enqueue(url: String, requester: String, context: String, limits: QueueLimits) throws(QueueError)
        -> Job
    {
        do {
            let job = try database {
                try store.enqueue(
                    url: url, requester: requester, scope: scope, context: context, limits: limits)
            }
            logger.info("job \(job.id) queued", metadata: ["requester": "\(requester)", "url": "\(url)"])
            return job
        } catch {
            logger.notice("refused job: \(error)", metadata: ["requester": "\(requester)", "url": "\(url)"])
            throw error
        }
    }

    func job(_ id: JobID) throws(QueueError) -> Job? { try database { try store.job(id) } }

    /// Cancels a job this process does not run: a waiting one at once, one running elsewhere by asking
    /// its worker. Throws when it is unknown or already ended.
    func cancel(_ id: JobID) throws(QueueError) -> Job {
        let job = try database { try store.claims.cancel(id) }
        logger.info("job \(id) \(job.state == .cancelled ? "cancelled while waiting" : "asked to stop")")
        return job
    }

    /// Waiting jobs in the order they will start, and the jobs running on every process.
    func jobs() throws -> (waiting: [Job], running: [Job]) {
        let waiting = try store.jobs(scope: scope, states: [.queued])
        let order = FairOrder(lastTurns: try store.claims.lastTurns(scope: scope)).order(waiting)
        return (order, try store.jobs(scope: scope, states: [.running]))
    }

    /// Starts the next job in fair order under this process's lease; nil when none is ready.
    func claimNext() throws -> Job? { try store.claims.claimNext(scope: scope, lease: lease) }
    /// Renews the leases on `ids` (the jobs this process runs).
    func renew(_ ids: [JobID]) throws -> LeaseRenewal { try store.claims.renew(ids, lease: lease) }

    /// Keeps the end of job `id` until it is stored.
    func park(_ id: JobID, _ ending: JobEnding) { fault.park(id, ending) }
    /// Whether the requester of job `id` still has to hear that it waits (once per job).
    func mustTell(_ id: JobID) -> Bool { fault.mustTell(id) }

    /// Stores the ends not stored yet, oldest first; returns the stored jobs, and the delay before a
    /// retry when the database refused one (it stays parked, "running" in the database, never lost).
    func saveEndings() -> (stored: [Job], retryIn: Duration?) {
        var settled: [Job] = []
        for (id, ending) in fault.unsaved.sorted(by: { $0.key < $1.key }) {
            let stored: Job?
            do {
                stored = try ending.record(id, in: store, worker: lease.worker)
            } catch {
                return (settled, failed(error, doing: "storing the end of job \(id)", stalls: false))
            }
            fault.saved(id)
            succeeded()
            logger.info("job \(id) ended: \(stored?.state.rawValue ?? "not stored: its lease was lost")")
            if let stored { settled.append(stored) }
        }
        return (settled, nil)
    }

    /// The jobs whose end is not stored yet.
    var unsavedIDs: [JobID] { fault.unsaved.keys.sorted() }
    /// Notes a refused write; returns the delay before the retry when one must be scheduled.
    func failed(_ error: any Error, doing what: String, stalls: Bool) -> Duration? {
        let delay = fault.failed(error, stalls: stalls)
        logger.error(
            "queue database: \(what) failed; retrying\(delay.map { " in \($0)" } ?? " soon")",
            metadata: ["error": "\(error)"])
        return delay
    }

    func succeeded() { if fault.succeeded() { logger.notice("queue database takes writes again") } }
    func retrying() { fault.retrying() }

    /// Runs a store call; its own refusals (`QueueError`) pass through, anything else is a database fault.
    private func database<T>(_ body: () throws -> T) throws(QueueError) -> T {
        do { return try body() } catch let refusal as QueueError { throw refusal } catch {
            throw .database("\(error)")
        }
    }
}
