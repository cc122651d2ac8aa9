import Foundation

/// A serial executor on a thread of its own, for an actor whose methods block on a database: a SQLite
/// write or a PostgreSQL round trip then holds this thread only, never one of the few threads Swift's
/// cooperative pool shares among every task (the gateway's heartbeats among them). The thread ends
/// once the executor is gone and nothing is left to run.
final class DedicatedExecutor: SerialExecutor, @unchecked Sendable {
    // @unchecked: the mailbox is guarded by its condition's lock.
    private let mailbox = Mailbox()

    /// Starts the thread, named `name` for debuggers and `top -H`.
    init(name: String) {
        let mailbox = self.mailbox
        let thread = Thread { mailbox.drain() }
        thread.name = name
        thread.start()
    }

    deinit { mailbox.close() }

    func enqueue(_ job: consuming ExecutorJob) {
        mailbox.post(UnownedJob(job), on: asUnownedSerialExecutor())
    }

    /// The jobs waiting for the thread; the executor reference travels with each job, so the thread
    /// never holds the executor itself (which would keep it, and the thread, alive forever).
    private final class Mailbox: @unchecked Sendable {
        private let condition = NSCondition()
        private var jobs: [(UnownedJob, UnownedSerialExecutor)] = []
        private var closed = false

        func post(_ job: UnownedJob, on executor: UnownedSerialExecutor) {
            condition.lock()
            jobs.append((job, executor))
            condition.signal()
            condition.unlock()
        }

        func close() {
            condition.lock()
            closed = true
            condition.signal()
            condition.unlock()
        }

        /// Runs jobs in order until the executor is gone and none is left.
        func drain() {
            while true {
                condition.lock()
                while jobs.isEmpty && !closed { condition.wait() }
                let batch = jobs
                jobs.removeAll()
                condition.unlock()
                if batch.isEmpty { return }
                for (job, executor) in batch { job.runSynchronously(on: executor) }
            }
        }
    }
}
