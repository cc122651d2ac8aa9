import Foundation
import Logging

/// A queue's side of its database: every store call of one scope, and the fault a refused write
/// leaves (`DatabaseFault`): the job ends held back until they are stored, and when to retry. Used on
/// its queue's actor only.
final class QueueLedger {
    private let store: JobStore
    private let scope: String
    private let logger: Logger
    private var fault = DatabaseFault()

    init(store: JobStore, scope: String, logger: Logger) {
        self.store = store
        self.scope = scope
        self.logger = logger
    }

    var isStalled: Bool { fault.isStalled }
    var faultMessage: String? { fault.message }

    /// Re-queues the jobs a crash left running and prunes old finished ones.
    func recover() throws(QueueError) {
        let recovered = try database { try store.recoverInterrupted(scope: scope) }
        let pruned = try database { try store.pruneFinished(olderThan: Date() - JobStore.retention) }
        if pruned > 0 { logger.info("pruned \(pruned) finished job(s) older than 30 days") }
        for job in recovered {
            logger.notice("job \(job.id) was interrupted; queued again", metadata: ["url": "\(job.url)"])
        }
    }

    /// Stores a new job, or refuses it (`QueueError`) when the limits say so.
    func enqueue(url: String, requester: String, context: String, limits: QueueLimits) throws(QueueError)
        -> Job
    {
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
        return job
    }

    func job(_ id: JobID) throws(QueueError) -> Job? { try database { try store.job(id) } }

    /// Cancels a job that waits; throws when it is unknown or already ended.
    func cancelWaiting(_ id: JobID) throws(QueueError) -> Job {
        guard let job = try database({ try store.job(id) }) else { throw .notFound(id) }
        guard job.state == .queued else { throw .alreadyFinished(id, job.state) }
        let cancelled = try database { try store.transition(id, to: .cancelled) } ?? job
        logger.info("job \(id) cancelled while waiting")
        return cancelled
    }

    /// Waiting jobs, oldest first, without those `running` holds.
    func waiting(excluding running: RunningJobs) throws -> [Job] {
        try store.jobs(scope: scope, states: [.queued]).filter { !running.contains($0.id) }
    }

    /// Stores that job `queued` started; nil when its row is gone.
    func start(_ queued: Job) throws -> Job? {
        try store.transition(queued.id, to: .running, countsAsAttempt: true)
    }

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
                stored = try ending.record(id, in: store)
            } catch {
                return (settled, failed(error, doing: "storing the end of job \(id)", stalls: false))
            }
            fault.saved(id)
            succeeded()
            logger.info("job \(id) ended: \(stored?.state.rawValue ?? "row gone")")
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
