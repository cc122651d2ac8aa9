import BossCore
import Logging
import ServiceLifecycle

/// The download queue's workers as a service. The queue runs from `start()` (before the group, so
/// recovered jobs are not lost); on graceful shutdown it stops taking jobs, lets running downloads
/// finish within `grace`, and stores the rest as queued for the next start.
struct QueueService: Service {
    let queue: DownloadQueue
    let grace: Duration
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.notice("shutting down: letting running downloads finish (up to \(grace))")
        await queue.shutdown(gracePeriod: grace)
        logger.notice("queue stopped; unfinished jobs are stored for the next start")
    }
}
