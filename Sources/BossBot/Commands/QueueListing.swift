import BossCore
import BossDiscord

/// What `queue` shows whoever asks: only the jobs of the server it is asked in (in a DM, only the
/// asker's own), and no link that was posted as a spoiler. Jobs of other servers stay private.
struct QueueListing {
    /// Where it is asked; nil in a DM.
    let guild: Snowflake?
    /// Who asks.
    let user: Snowflake

    /// The listing of `snapshot`'s visible jobs, at most 10 running and 10 waiting.
    func text(_ snapshot: QueueSnapshot) -> String {
        let running = snapshot.running.filter { shows($0.job) }
        // Positions count every waiting job: they say how long the wait is, without naming others'.
        let waiting = snapshot.queued.enumerated().filter { shows($0.element) }
        guard !running.isEmpty || !waiting.isEmpty else {
            return guild == nil ? "📭 You have no downloads in the queue." : "📭 The queue is empty here."
        }
        var lines = ["📋 **Queue** here (\(running.count) running, \(waiting.count) waiting)"]
        for (job, progress) in running.prefix(10) {
            let percent = progress.total > 0 ? " \(progress.done * 100 / progress.total)%" : ""
            lines.append("⬇️ #\(job.id)\(percent) \(link(job)) (<@\(job.requester)>)")
        }
        for (position, job) in waiting.prefix(10) {
            lines.append("⏳ #\(job.id) (\(position + 1)) \(link(job)) (<@\(job.requester)>)")
        }
        return lines.joined(separator: "\n")
    }

    /// Whether the asker may see `job`: same server, or their own job when asked in a DM.
    func shows(_ job: Job) -> Bool {
        guard let guild else { return job.requester == user.rawValue }
        return DiscordReplyContext.decode(job.context)?.guild == guild
    }

    /// The job's link, or a stand-in when it was posted as a spoiler (or its context is unreadable).
    func link(_ job: Job) -> String {
        DiscordReplyContext.decode(job.context)?.spoiler == false ? "<\(job.url)>" : "(spoilered link)"
    }
}
