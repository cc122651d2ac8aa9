import Foundation

extension DownloadQueue {
    /// Stores the job ends not stored yet, oldest first; one the database refuses stays parked for the
    /// next retry (the job stays "running" in the database meanwhile, never "lost").
    func saveEndings() {
        for (id, ending) in fault.unsaved.sorted(by: { $0.key < $1.key }) {
            let stored: Job?
            do {
                stored = try ending.record(id, in: store)
            } catch {
                return databaseFailed(error, doing: "storing the end of job \(id)", stalls: false)
            }
            fault.saved(id)
            databaseSucceeded()
            logger.info("job \(id) ended: \(stored?.state.rawValue ?? "row gone")")
            if let stored { settle(stored) }
        }
    }

    /// Notes a refused write and schedules the retry: a task sleeps through the backoff, so the actor
    /// serves every other call meanwhile.
    func databaseFailed(_ error: any Error, doing what: String, stalls: Bool) {
        let delay = fault.failed(error, stalls: stalls)
        logger.error(
            "queue database: \(what) failed; retrying\(delay.map { " in \($0)" } ?? " soon")",
            metadata: ["error": "\(error)"])
        guard let delay else { return }
        Task {
            try? await Task.sleep(for: delay)
            self.retryAfterFault()
        }
    }

    func databaseSucceeded() {
        if fault.succeeded() { logger.notice("queue database takes writes again") }
    }

    private func retryAfterFault() {
        fault.retrying()
        guard lock != nil else { return }  // shut down meanwhile
        saveEndings()
        dispatch()
    }
}
