/// The jobs a queue is executing, each with its control, and which of them shutdown interrupted.
/// Owned by one `DownloadQueue` and used only on its actor.
final class RunningJobs {
    private var entries: [JobID: (job: Job, control: JobControl)] = [:]
    private var interrupted: Set<JobID> = []

    /// How a running job left the set.
    enum Removal {
        case ended
        /// Shutdown interrupted it: it runs again at the next start.
        case interrupted
    }

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }
    /// Ids in start order.
    var ids: [JobID] { entries.keys.sorted() }
    /// Running jobs with their progress, in start order.
    var progress: [(job: Job, progress: JobProgress)] {
        entries.values.sorted { $0.job.id < $1.job.id }.map { ($0.job, $0.control.progress) }
    }

    func contains(_ id: JobID) -> Bool { entries[id] != nil }

    /// The job `id` and its control, while it runs.
    func entry(_ id: JobID) -> (job: Job, control: JobControl)? { entries[id] }

    func add(_ job: Job, control: JobControl) { entries[job.id] = (job, control) }

    /// Takes job `id` out; nil when it was not running (shutdown already stopped waiting for it).
    func remove(_ id: JobID) -> Removal? {
        guard entries.removeValue(forKey: id) != nil else { return nil }
        return interrupted.remove(id) != nil ? .interrupted : .ended
    }

    /// Interrupts every running job for shutdown.
    func interruptAll() {
        for (id, entry) in entries {
            interrupted.insert(id)
            entry.control.cancel(.shutdown)
        }
    }
}
