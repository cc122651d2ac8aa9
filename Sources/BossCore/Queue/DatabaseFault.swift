/// The queue database's lasting failure, if any: what failed, the job ends it holds back, which
/// requesters were told, and how long to wait before trying again (100 ms, doubling up to 5 s).
struct DatabaseFault: Sendable {
    static let firstDelay = Duration.milliseconds(100)
    static let longestDelay = Duration.seconds(5)
    /// What the requester of a job that cannot start is told.
    static let delayedReason =
        "The bot cannot update its download queue right now (a storage problem on its side). "
        + "This download waits and starts once that is fixed."

    /// What failed last; nil while the database takes writes.
    private(set) var message: String?
    /// Starting jobs waits for the next retry.
    private(set) var isStalled = false
    /// Ends of jobs the database refused, stored at the next retry.
    private(set) var unsaved: [JobID: JobEnding] = [:]
    private var delay = firstDelay
    private var retryScheduled = false
    private var told: Set<JobID> = []

    /// Notes a failed write (`stalls`: of a job's start); returns how long to wait before the retry
    /// when one must be scheduled, nil when one already is.
    mutating func failed(_ error: any Error, stalls: Bool) -> Duration? {
        message = "\(error)"
        isStalled = isStalled || stalls
        guard !retryScheduled else { return nil }
        retryScheduled = true
        defer { delay = min(delay * 2, Self.longestDelay) }
        return delay
    }

    /// The scheduled retry is due: job starts may be tried again.
    mutating func retrying() { (retryScheduled, isStalled) = (false, false) }

    /// Keeps the end of job `id` until it is stored.
    mutating func park(_ id: JobID, _ ending: JobEnding) { unsaved[id] = ending }

    /// The end of job `id` was stored.
    mutating func saved(_ id: JobID) { unsaved[id] = nil }

    /// Whether the requester of job `id` still has to hear that it waits (true once per job).
    mutating func mustTell(_ id: JobID) -> Bool { told.insert(id).inserted }

    /// Notes a successful write; returns true when that ended a fault (nothing is held back any more).
    mutating func succeeded() -> Bool {
        guard message != nil, unsaved.isEmpty, !isStalled else { return false }
        (message, delay) = (nil, Self.firstDelay)
        return true
    }
}
