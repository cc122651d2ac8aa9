import Logging

/// What keeps a queue's claims true while its jobs run: the leases renewed, the jobs lost to another
/// worker stopped, and the cancel requests other processes sent carried out. Used on its queue's
/// actor only.
struct LeaseUpkeep {
    let scope: String
    let ledger: QueueLedger
    let dispatcher: QueueDispatcher
    let logger: Logger

    /// Renews the leases on the running jobs; stops those another worker took over and those someone
    /// asked to cancel. A refused renewal is logged and tried again at the next beat: the jobs run on
    /// meanwhile, and if the lease runs out first their ends are simply not stored here. Always true:
    /// after a beat, a job whose worker died may be ready.
    func renew() -> Bool {
        let ids = dispatcher.runningIDs
        guard !ids.isEmpty else { return true }
        let renewal: LeaseRenewal
        do {
            renewal = try ledger.renew(ids)
        } catch {
            logger.error("queue database: renewing the leases of \(ids.count) job(s) failed: \(error)")
            return true
        }
        for id in renewal.lost.sorted() {
            logger.warning("job \(id): its lease ran out and another worker took it over; stopping it here")
            dispatcher.entry(id)?.control.cancel(.leaseLost)
        }
        for id in renewal.cancelRequested.sorted() { _ = cancelHere(id) }
        return true
    }

    /// Acts on a notice from another process; true when a job may be ready to start.
    func heard(_ notice: QueueNotice) -> Bool {
        switch notice {
        case .queued(let noticeScope): return noticeScope == scope
        case .listening: return true
        case .cancelRequested(let id):
            _ = cancelHere(id)
            return false
        }
    }

    /// Asks job `id` to stop when this process runs it; returns it then, nil otherwise.
    func cancelHere(_ id: JobID) -> Job? {
        guard let (job, control) = dispatcher.entry(id) else { return nil }
        if !control.isCancelled { logger.info("job \(id) cancellation requested") }
        control.cancel()
        return job
    }
}
