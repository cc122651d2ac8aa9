import Foundation

extension DownloadQueue {
    /// Cancels a job: a waiting one ends at once, a running one is told to stop.
    public func cancel(_ id: JobID) throws(QueueError) -> Job {
        if let (job, control) = running[id] {
            control.cancel()
            logger.info("job \(id) cancellation requested")
            return job
        }
        guard let job = try database({ try store.job(id) }) else { throw .notFound(id) }
        guard job.state == .queued else { throw .alreadyFinished(id, job.state) }
        let cancelled = try database { try store.transition(id, to: .cancelled) } ?? job
        logger.info("job \(id) cancelled while waiting")
        settle(cancelled)
        return cancelled
    }

    /// Waiting jobs in start order, and running jobs with their progress.
    public func snapshot() -> QueueSnapshot {
        let waiting: [Job]
        do {
            waiting = try waitingJobs()
        } catch {
            logger.error("queue database: cannot read the waiting jobs", metadata: ["error": "\(error)"])
            waiting = []
        }
        return QueueSnapshot(
            queued: fairOrder(waiting),
            running: running.values.sorted { $0.job.id < $1.job.id }.map { ($0.job, $0.control.progress) })
    }

    /// Stops taking and starting jobs, lets running ones finish within `gracePeriod`, then interrupts
    /// the rest (their child processes and transfers stop within a second); interrupted jobs are stored
    /// as queued so the next start runs them. One that has not stopped `stopWait` after that (a plugin
    /// ignoring cancellation) is stored as queued without waiting for it any longer.
    public func shutdown(gracePeriod: Duration, stopWait: Duration = .seconds(5)) async {
        accepting = false
        dispatching = false
        let deadline = ContinuousClock.now + gracePeriod
        while !running.isEmpty && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for (id, entry) in running {
            interruptedByShutdown.insert(id)
            entry.control.cancel(.shutdown)
        }
        let stopDeadline = ContinuousClock.now + stopWait
        while !running.isEmpty && ContinuousClock.now < stopDeadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for id in running.keys.sorted() {
            logger.error("job \(id) did not stop within \(stopWait) of being interrupted; stored as queued")
            finish(id, .cancelled)
        }
        saveEndings()
        for id in fault.unsaved.keys.sorted() {
            logger.error("job \(id): its end could not be stored; it runs again at the next start")
        }
        for (id, list) in waiters.sorted(by: { $0.key < $1.key }) {
            let job = try? store.job(id)
            for waiter in list { waiter.resume(returning: job) }
        }
        waiters.removeAll()
        lock?.release()
        lock = nil
    }

    /// Fails a job that crashed the process on each of its last `maxAttempts` starts, without running it.
    func drop(_ job: Job) {
        let reason =
            "This link stopped the bot \(limits.maxAttempts) times while downloading, so it was dropped."
        logger.error(
            "job \(job.id) crashed the process \(limits.maxAttempts) times; dropped",
            metadata: ["url": "\(job.url)", "requester": "\(job.requester)"])
        let executor = self.executor
        Task {
            await executor.abandon(job, reason: reason)
            self.fault.park(job.id, .outcome(.failed(category: .plugin, message: reason)))
            self.saveEndings()
        }
    }
}
