import Synchronization

/// Runs one job to its end: extraction and delivery. Implemented outside the queue (the queue knows
/// nothing of plugins or Discord) and called by the queue's workers.
public protocol JobExecutor: Sendable {
    /// Executes `job` and reports how it ended. Must return promptly once `control.isCancelled`.
    func execute(_ job: Job, control: JobControl) async -> JobOutcome
    /// The queue dropped `job` without running it (it crashed the process `maxAttempts` times); tell
    /// whoever asked. `reason` is the user-facing sentence stored with the job.
    func abandon(_ job: Job, reason: String) async
    /// The queue cannot start `job` for now (its database refuses writes); it waits and starts once
    /// the database recovers. Tell whoever asked; called once per job. `reason` is user-facing.
    func delayed(_ job: Job, reason: String) async
}

extension JobExecutor {
    /// By default nobody is told beyond the stored failure.
    public func abandon(_ job: Job, reason: String) async {}
    /// By default nobody is told; the job starts later.
    public func delayed(_ job: Job, reason: String) async {}
}
