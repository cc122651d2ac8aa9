/// What the queue holds now.
public struct QueueSnapshot: Sendable {
    /// Waiting jobs, in the order they will start.
    public var queued: [Job]
    /// Executing jobs with their progress.
    public var running: [(job: Job, progress: JobProgress)]
}
