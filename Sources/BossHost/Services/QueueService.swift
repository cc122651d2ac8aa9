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

/// Reloads plugins dropped into the plugins directory while the bot runs.
struct PluginWatcherService: Service {
    let watcher: PluginDirectoryWatcher

    func run() async throws {
        watcher.start()
        try? await gracefulShutdown()
        watcher.stop()
    }
}

/// Every `interval`, deletes job folders a crash left behind (older than `age`), releasing their quota.
struct CleanupService: Service {
    let runtime: HostRuntime
    var interval: Duration = .seconds(600)
    var age: Duration = .seconds(86_400)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let removed = runtime.dataDirectory.removeExpiredJobDirectories(
                olderThan: age, quota: runtime.quota)
            if !removed.isEmpty {
                runtime.logger.info("cleanup: removed \(removed.count) stale job folder(s)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}

/// Backs up the queue database on the operator's schedule (none when `BOSS_BACKUP_INTERVAL_HOURS=0`).
struct BackupService: Service {
    let schedule: BackupSchedule?

    func run() async throws {
        guard let schedule else {
            try? await gracefulShutdown()  // nothing to do, but a service that returns stops the group
            return
        }
        await cancelWhenGracefulShutdown { await schedule.run() }
    }
}
