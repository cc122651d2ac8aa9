import Foundation

/// Where a `DownloadQueue` keeps its jobs: the embedded SQLite file (`JobStore`) or a PostgreSQL database
/// shared by many processes. Every call is synchronous and stores before it returns: the queue calls
/// them from its own thread (`DedicatedExecutor`), so a slow disk or network round trip holds that
/// thread only. Both stores pass one test suite.
public protocol QueueStore: Sendable {
    /// How processes share the store, and so what the queue does at start.
    var sharing: QueueSharing { get }

    /// Stores a new queued job unless `scope` already has `limits.maxWaiting` queued jobs, or `requester`
    /// `limits.maxWaitingPerRequester`: those throw `QueueError.full` and `.requesterFull`. Counted and
    /// inserted atomically, across every process that shares the store.
    func enqueue(url: String, requester: String, scope: String, context: String, limits: QueueLimits) throws
        -> Job

    /// The job with `id`.
    func job(_ id: JobID) throws -> Job?

    /// Jobs of `scope` in `states`, oldest first.
    func jobs(scope: String, states: Set<JobState>) throws -> [Job]

    /// The store's claims: which job starts next, leases, ends and cancel requests.
    var claims: any QueueClaims { get }

    /// After a crash of the only process of `scope` (`QueueSharing.exclusive`): its running jobs go back
    /// to queued. Returns them.
    func recoverInterrupted(scope: String) throws -> [Job]

    /// Deletes finished jobs last changed before `cutoff`; queued and running ones are never touched.
    /// Returns how many went.
    func pruneFinished(olderThan cutoff: Date) throws -> Int

    /// What other processes announce: new jobs and cancel requests. Ends at once for a store only one
    /// process uses per scope, which has nothing to hear.
    func notices() -> AsyncStream<QueueNotice>
}

/// How processes share a queue store.
public enum QueueSharing: Sendable, Equatable {
    /// One process per scope, held by the lock file `<lockPrefix>.<scope>.lock`; the jobs a crash left
    /// running are queued again when the next process starts.
    case exclusive(lockPrefix: String)
    /// Many processes on many hosts; a crashed worker's jobs are claimed again once their leases run out.
    case shared
}

/// A message between the processes sharing a store.
public enum QueueNotice: Sendable, Equatable {
    /// A job of `scope` is ready to start.
    case queued(scope: String)
    /// Someone asked to cancel job `id`, which runs somewhere.
    case cancelRequested(JobID)
    /// The store (re)started listening: whatever was announced before it did may have been missed.
    case listening
}
