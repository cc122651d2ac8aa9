import BossCore
import Logging
import ServiceLifecycle

/// Counts the queue's state changes and job failures by category, from the queue's events.
struct QueueMetricsService: Service {
    let queue: DownloadQueue

    func run() async throws {
        let events = queue.events()
        await cancelWhenGracefulShutdown {
            for await event in events { QueueMetrics.record(event) }
        }
    }
}
