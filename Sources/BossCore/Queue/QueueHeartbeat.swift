/// The background beats of a started queue: the lease upkeep every third of a lease (which also picks
/// up the jobs of a worker that died), and the notices of the other processes sharing the store.
/// Owned by one `DownloadQueue` and used on its actor.
final class QueueHeartbeat {
    private var tasks: [Task<Void, Never>] = []

    /// Starts beating for `queue`.
    func start(_ queue: DownloadQueue, store: any QueueStore, every interval: Duration) {
        stop()
        tasks = [
            Task { [weak queue] in
                // Sleeping ends early only when the beat is stopped, which the loop then sees.
                while (try? await Task.sleep(for: interval)) != nil, let queue { await queue.beat() }
            },
            Task { [weak queue] in
                for await notice in store.notices() {
                    guard let queue else { return }
                    await queue.heard(notice)
                }
            },
        ]
    }

    /// Stops both beats.
    func stop() {
        for task in tasks { task.cancel() }
        tasks = []
    }
}
