import BossCore
import Logging
import ServiceLifecycle

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
