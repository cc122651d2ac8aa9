import Foundation

/// How a queue store hands out jobs: the next one in fair order under a lease, the lease renewed while
/// it runs, its end stored only by its holder, and cancel requests. Part of a `QueueStore`.
public protocol QueueClaims: Sendable {
    /// For each requester of `scope`, the turn at which a job of theirs last started (larger is later):
    /// the fair order of waiting jobs (`FairOrder`).
    func lastTurns(scope: String) throws -> [String: Int64]

    /// Starts the next job of `scope` in fair order (the oldest job of the requester served least
    /// recently): a queued job, or a running one whose lease ran out (its worker died; never one of
    /// `lease.worker`'s own, which it still runs when only its renewal was late). Counts an attempt and
    /// leases it to `lease.worker`. Nil when no job is ready.
    func claimNext(scope: String, lease: JobLease) throws -> Job?

    /// Extends the leases `lease.worker` holds on `ids`; says which it lost (another worker took the job,
    /// or its row is gone) and which someone asked to cancel.
    func renew(_ ids: [JobID], lease: JobLease) throws -> LeaseRenewal

    /// Stores the end of job `id` while `worker` holds it: `state` with its `failure`, or back to
    /// `.queued` (`refundsAttempt` when a graceful shutdown, not a crash, interrupted it). Nil when the
    /// row is gone or another worker holds the job: then nothing changes.
    func finish(
        _ id: JobID, to state: JobState, failure: (ErrorCategory, String)?, refundsAttempt: Bool,
        worker: String
    ) throws -> Job?

    /// Cancels job `id`: a queued one at once (returned `.cancelled`), a running one by asking its worker
    /// (returned `.running`; the worker hears it through `notices()` or its next renewal). Throws
    /// `QueueError.notFound` or `.alreadyFinished`.
    func cancel(_ id: JobID) throws -> Job
}

/// A worker's hold on the jobs it runs: renewed while they run, so a worker that dies without a word
/// loses them after `duration`.
public struct JobLease: Sendable, Equatable {
    /// The worker's identity, unique per process (host, pid and a random part).
    public var worker: String
    /// How long a lease lasts without renewal.
    public var duration: Duration

    /// A lease for `worker` lasting `duration`.
    public init(worker: String, duration: Duration) {
        self.worker = worker
        self.duration = duration
    }

    /// A worker name unique to this process: `host:pid:random`, so logs and the store say which one.
    public static func processWorker() -> String {
        var name = [CChar](repeating: 0, count: 256)
        let found = gethostname(&name, 255) == 0
        let host =
            found
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "host"
        return "\(host):\(getpid()):\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
    }
}

/// What a lease renewal found.
public struct LeaseRenewal: Sendable, Equatable {
    /// Jobs the worker no longer holds: it must stop them without storing anything.
    public var lost: Set<JobID>
    /// Jobs someone asked to cancel.
    public var cancelRequested: Set<JobID>

    /// A renewal's findings.
    public init(lost: Set<JobID> = [], cancelRequested: Set<JobID> = []) {
        self.lost = lost
        self.cancelRequested = cancelRequested
    }
}
