import Foundation
import Synchronization

/// Limits of one queue.
public struct QueueLimits: Sendable {
    /// Jobs executing at once.
    public var maxRunning: Int
    /// Jobs waiting at most; more are refused.
    public var maxWaiting: Int
    /// Jobs one requester may have waiting at most, so one person cannot fill the queue.
    public var maxWaitingPerRequester: Int
    /// Starts a job may have had cut short by crashes before it is dropped instead of run again (a
    /// link that takes the process down must not take it down forever).
    public var maxAttempts: Int

    /// Creates limits; the defaults are the contract's, and no cap per requester beyond `maxWaiting`
    /// unless one is given (the bot gives `BOSS_MAX_QUEUE_PER_USER`).
    public init(
        maxRunning: Int = 5, maxWaiting: Int = 50, maxWaitingPerRequester: Int? = nil, maxAttempts: Int = 3
    ) {
        self.maxRunning = maxRunning
        self.maxWaiting = maxWaiting
        self.maxWaitingPerRequester = maxWaitingPerRequester ?? maxWaiting
        self.maxAttempts = maxAttempts
    }
}

/// A change of a job's state, as the queue broadcasts it.
public enum JobEvent: Sendable, Equatable {
    case queued(Job)
    case started(Job)
    case finished(Job)
}

/// What the queue holds now.
public struct QueueSnapshot: Sendable {
    /// Waiting jobs, in the order they will start.
    public var queued: [Job]
    /// Executing jobs with their progress.
    public var running: [(job: Job, progress: JobProgress)]
}

/// Sends every event to every current subscriber.
final class EventBroadcaster: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<JobEvent>.Continuation]>([:])

    func subscribe() -> AsyncStream<JobEvent> {
        let (stream, continuation) = AsyncStream<JobEvent>.makeStream()
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    func send(_ event: JobEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }
}

/// An exclusive `flock` on a file: one process per queue scope and database. Released on `release()`
/// or when the process dies (the kernel drops it), so a crash never leaves a stale lock.
final class ScopeLock: Sendable {
    private let descriptor: Int32

    init(path: String, scope: String) throws(QueueError) {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .database("cannot open lock file \(path): errno \(errno)") }
        // A child process forked this instant (by any thread) shares the lock until it execs: a lock
        // released just now may take a moment to be free, so "busy" is the answer only after 500 ms.
        let deadline = ContinuousClock.now + .milliseconds(500)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard ContinuousClock.now < deadline else {
                close(descriptor)
                throw .scopeBusy(scope: scope, lockPath: path)
            }
            usleep(10_000)
        }
    }

    func release() { close(descriptor) }
}
