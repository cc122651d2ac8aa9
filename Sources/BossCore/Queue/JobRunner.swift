import Logging

/// Runs what the dispatcher decided, each on a task of its own that reports back to the queue: a
/// started job's execution, a dropped job's failure, a delayed job's notice, and the retry after a
/// database fault.
struct JobRunner: Sendable {
    let executor: any JobExecutor
    let limits: QueueLimits
    let logger: Logger

    func perform(_ action: QueueDispatcher.Action, for queue: DownloadQueue) {
        let executor = self.executor
        switch action {
        case .run(let job, let control):
            Task { await queue.finish(job.id, await executor.execute(job, control: control)) }
        case .tellDelayed(let job):
            Task { await executor.delayed(job, reason: DatabaseFault.delayedReason) }
        case .drop(let job):
            let reason =
                "This link stopped the bot \(limits.maxAttempts) times while downloading, so it was dropped."
            logger.error(
                "job \(job.id) crashed the process \(limits.maxAttempts) times; dropped",
                metadata: ["url": "\(job.url)", "requester": "\(job.requester)"])
            Task {
                await executor.abandon(job, reason: reason)
                await queue.store(job.id, .outcome(.failed(category: .plugin, message: reason)))
            }
        }
    }

    /// Retries the database after `delay`: a task sleeps through the backoff, so the actor serves every
    /// other call meanwhile.
    func retry(after delay: Duration, for queue: DownloadQueue) {
        Task {
            try? await Task.sleep(for: delay)
            await queue.retryAfterFault()
        }
    }
}
