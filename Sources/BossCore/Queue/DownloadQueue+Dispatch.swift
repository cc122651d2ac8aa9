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
            stored = try? store.transition(id, to: .queued)
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
        QueueSnapshot(
            queued: fairOrder(waitingJobs()),
            running: running.values.sorted { $0.job.id < $1.job.id }.map { ($0.job, $0.control.progress) })
    }

    /// Stops taking and starting jobs, lets running ones finish within `gracePeriod`, then interrupts
    /// the rest; interrupted jobs are stored as queued so the next start runs them.
    public func shutdown(gracePeriod: Duration) async {
        accepting = false
        dispatching = false
        let deadline = ContinuousClock.now + gracePeriod
        while !running.isEmpty && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for (id, entry) in running {
            interruptedByShutdown.insert(id)
            entry.control.cancel()
        }
        while !running.isEmpty { try? await Task.sleep(for: .milliseconds(20)) }
        lock?.release()
        lock = nil
    }
}
