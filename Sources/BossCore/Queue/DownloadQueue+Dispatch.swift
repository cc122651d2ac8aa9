import Foundation

extension DownloadQueue {
    /// Starts queued jobs while workers are free. Stops at the first write the database refuses: the
    /// retry comes from a task after a backoff, never from a loop inside the actor.
    func dispatch() {
        guard dispatching, !fault.isStalled else { return }
        while running.count < limits.maxRunning {
            let next: Job
            do {
                guard let first = fairOrder(try waitingJobs()).first else {
                    return databaseSucceeded()  // nothing waits that a fault could still hold back
                }
                next = first
            } catch {
                return databaseFailed(error, doing: "reading the waiting jobs", stalls: true)
            }
            guard begin(next) else { return }
        }
    }

    func waitingJobs() throws -> [Job] {
        try store.jobs(scope: scope, states: [.queued]).filter { running[$0.id] == nil }
    }

    /// Round-robin across requesters: the next job is the oldest one of the requester served least
    /// recently, so one person's twenty links cannot starve another's one.
    func fairOrder(_ jobs: [Job]) -> [Job] {
        var served = lastServed
        var counter = servings
        var remaining = jobs
        var order: [Job] = []
        while !remaining.isEmpty {
            let index = remaining.indices.min { a, b in
                let (ja, jb) = (remaining[a], remaining[b])
                return (served[ja.requester] ?? -1, ja.id.rawValue) < (
                    served[jb.requester] ?? -1, jb.id.rawValue
                )
            }!
            let job = remaining.remove(at: index)
            served[job.requester] = counter
            counter += 1
            order.append(job)
        }
        return order
    }

    /// Starts `queued`; false when the database refused to store the start (the job stays queued).
    private func begin(_ queued: Job) -> Bool {
        let job: Job
        do {
            guard let stored = try store.transition(queued.id, to: .running, countsAsAttempt: true) else {
                return true  // the row is gone: nothing to start
            }
            job = stored
        } catch {
            databaseFailed(error, doing: "starting job \(queued.id)", stalls: true)
            if fault.mustTell(queued.id) {
                let executor = self.executor
                Task { await executor.delayed(queued, reason: DatabaseFault.delayedReason) }
            }
            return false
        }
        databaseSucceeded()
        if job.attempts > limits.maxAttempts {
            drop(job)
            return true
        }
        let control = JobControl()
        running[job.id] = (job, control)
        lastServed[job.requester] = servings
        servings += 1
        logger.info(
            "job \(job.id) started (attempt \(job.attempts))",
            metadata: ["requester": "\(job.requester)", "url": "\(job.url)"])
        broadcaster.send(.started(job))
        let executor = self.executor
        Task {
            let outcome = await executor.execute(job, control: control)
            self.finish(job.id, outcome)
        }
        return true
    }

    func finish(_ id: JobID, _ outcome: JobOutcome) {
        // A job shutdown stopped waiting for is already stored as queued: its late end changes nothing.
        guard running.removeValue(forKey: id) != nil else { return }
        if interruptedByShutdown.remove(id) != nil {
            fault.park(id, .interrupted)
            logger.notice("job \(id) interrupted by shutdown; it runs again at the next start")
        } else {
            fault.park(id, .outcome(outcome))
        }
        saveEndings()
        dispatch()
    }

    /// Broadcasts the end of a job and wakes whoever waits for it.
    func settle(_ job: Job) {
        broadcaster.send(.finished(job))
        for waiter in waiters.removeValue(forKey: job.id) ?? [] { waiter.resume(returning: job) }
    }
}
