import BossCore
import BossDiscord
import BossMetrics
import BossMonitoring
import Metrics
import ServiceLifecycle

/// What the metrics server and sampler read from the running process: its queue, and its gateway
/// when it has one (a worker has none).
struct BotMonitoring: Sendable {
    let runtime: HostRuntime
    let queue: DownloadQueue
    let gateway: ShardedGateway?
    let role: ProcessRole
    /// Which queue database the process uses, without a password.
    let queueDatabase: String
    /// The shard range it runs (`none` for a worker).
    let shards: String

    /// `/healthz`'s report.
    func health() async -> HealthReport {
        let usage = runtime.quota.usage
        let shards = await gateway?.connected() ?? [:]
        var report = HealthReport(
            gatewayConnected: gateway != nil && shards.values.allSatisfy { $0 },
            queueAccepting: await queue.isAccepting, storageUnderQuota: usage.usedBytes < usage.limitBytes,
            pluginsLoaded: runtime.registry.plugins.count, queueDatabaseFault: await queue.storageFault)
        report.shards = shards
        report.role = role.rawValue
        report.queueDatabase = queueDatabase
        return report
    }

    /// The sampled gauges.
    func sample() async -> MonitoringSample {
        let snapshot = await queue.snapshot()
        let usage = runtime.quota.usage
        let shards = await gateway?.connected() ?? [:]
        var sample = MonitoringSample(
            queued: snapshot.queued.count, running: snapshot.running.count, storageUsedBytes: usage.usedBytes,
            storagePercent: usage.percent,
            gatewayConnected: gateway != nil && shards.values.allSatisfy { $0 },
            gatewayLatency: await gateway?.latency, gatewayReconnects: await gateway?.reconnects ?? 0)
        sample.shardsConnected = shards
        return sample
    }

    /// The monitoring services for `address` (`BOSS_METRICS_ADDR`): the HTTP server and the sampler.
    func services(address: String) throws -> [any Service] {
        let monitoring = self
        let server = try MetricsServer(address: address, logger: runtime.logger) { await monitoring.health() }
        Gauge(label: MetricName.processInfo, dimensions: [("role", role.rawValue), ("shards", shards)])
            .record(1)
        return [server, MetricsSampler { await monitoring.sample() }]
    }
}
