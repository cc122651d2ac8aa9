import Foundation

extension DownloadQueue {
    /// Starts queued jobs while workers are free.
    func dispatch() {
        guard dispatching else { return }
        while running.count < limits.maxRunning, let next = fairOrder(waitingJobs()).first {
            begin(next)
        }
    }

    func waitingJobs() -> [Job] {
        ((try? store.jobs(scope: scope, states: [.queued])) ?? []).filter { running[$0.id] == nil }
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

    private func begin(_ queued: Job) {
        guard let job = try? store.transition(queued.id, to: .running, countsAsAttempt: true) else { return }
        if job.attempts > limits.maxAttempts { return drop(job) }
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
    }

    func finish(_ id: JobID, _ outcome: JobOutcome) {
        running[id] = nil
        let stored: Job?
        if interruptedByShutdown.remove(id) != nil {
            stored = try? store.transition(id, to: .queued, refundsAttempt: true)
            logger.notice("job \(id) interrupted by shutdown; it runs again at the next start")
        } else {
            switch outcome {
            case .delivered: stored = try? store.transition(id, to: .delivered)
            case .cancelled: stored = try? store.transition(id, to: .cancelled)
            case .failed(let category, let message):
                stored = try? store.transition(id, to: .failed, failure: (category, message))
            }
            logger.info("job \(id) ended: \(stored?.state.rawValue ?? "unknown")")
        }
        if let stored { settle(stored) }
        dispatch()
    }

    /// Broadcasts the end of a job and wakes whoever waits for it.
    func settle(_ job: Job) {
        broadcaster.send(.finished(job))
        for waiter in waiters.removeValue(forKey: job.id) ?? [] { waiter.resume(returning: job) }
    }
}
