/// Tells who waits: every job event to the subscribers of `DownloadQueue.events()`, and a job's end to
/// the callers of `waitUntilFinished`. Used on its queue's actor only.
final class JobNotifier {
    private let broadcaster: EventBroadcaster
    private var waiters: [JobID: [CheckedContinuation<Job?, Never>]] = [:]

    init(broadcaster: EventBroadcaster) { self.broadcaster = broadcaster }

    func send(_ event: JobEvent) { broadcaster.send(event) }

    func wait(for id: JobID, _ waiter: CheckedContinuation<Job?, Never>) {
        waiters[id, default: []].append(waiter)
    }

    /// Broadcasts the end of `job` and wakes whoever waits for it.
    func settle(_ job: Job) {
        broadcaster.send(.finished(job))
        for waiter in waiters.removeValue(forKey: job.id) ?? [] { waiter.resume(returning: job) }
    }

    /// Wakes every waiter with what `lookup` finds for its job (the queue is closing).
    func resumeAll(_ lookup: (JobID) -> Job?) {
        for (id, list) in waiters.sorted(by: { $0.key < $1.key }) {
            let job = lookup(id)
            for waiter in list { waiter.resume(returning: job) }
        }
        waiters.removeAll()
    }
}
