/// Round-robin across requesters: the next job is the oldest one of the requester served least
/// recently, so one person's twenty links cannot starve another's one. Used on its queue's actor.
final class FairOrder {
    private var lastServed: [String: Int] = [:]
    private var servings = 0

    /// `jobs` in the order they would start.
    func order(_ jobs: [Job]) -> [Job] {
        var served = lastServed
        var counter = servings
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

    /// Notes that `requester`'s job started.
    func serve(_ requester: String) {
        lastServed[requester] = servings
        servings += 1
    }
}
