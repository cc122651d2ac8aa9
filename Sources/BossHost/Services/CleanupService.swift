import BossCore
import Logging
import ServiceLifecycle

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
