/// Round-robin across requesters: the next job is the oldest one of the requester served least
/// recently, so one person's twenty links cannot starve another's one. The store claims jobs in this
/// order (`QueueStore.claimNext`); this projects the whole order of the waiting jobs, for `queue`.
struct FairOrder {
    /// For each requester, the turn at which a job of theirs last started.
    let lastTurns: [String: Int64]

    /// `jobs` in the order they would start.
    func order(_ jobs: [Job]) -> [Job] {
        var served = lastTurns
        var counter = (lastTurns.values.max() ?? 0) + 1
        var remaining = jobs
        var order: [Job] = []
        while !remaining.isEmpty {
            let index = remaining.indices.min { a, b in
                let (ja, jb) = (remaining[a], remaining[b])
                return (served[ja.requester] ?? -1, ja.id.rawValue) < (
                    served[jb.requester] ?? -1, jb.id.rawValue
                )
            }!
            let job = remaining.remove(at: index)
            served[job.requester] = counter
            counter += 1
            order.append(job)
        }
        return order
    }
}
