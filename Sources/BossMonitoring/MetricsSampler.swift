import BossMetrics
import Metrics
import ServiceLifecycle

/// A service that records a `MonitoringSample` and the process figures every `interval`.
public struct MetricsSampler: Service {
    private let interval: Duration
    private let sample: @Sendable () async -> MonitoringSample

    /// Samples through `sample` every `interval`.
    public init(interval: Duration = .seconds(1), sample: @escaping @Sendable () async -> MonitoringSample) {
        self.interval = interval
        self.sample = sample
    }

    /// Samples until the service group shuts down.
    public func run() async throws {
        var recorder = Recorder()
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            recorder.record(await sample(), ProcessStats.current())
            try? await Task.sleep(for: interval)
        }
    }

    /// Turns samples into gauges, and running totals into counter increments.
    struct Recorder {
        var reconnects = 0
        var cpuSeconds = 0.0

        mutating func record(_ sample: MonitoringSample, _ process: ProcessStats?) {
            Gauge(label: MetricName.queueLength).record(sample.queued)
            Gauge(label: MetricName.jobs, dimensions: [("state", "queued")]).record(sample.queued)
            Gauge(label: MetricName.jobs, dimensions: [("state", "running")]).record(sample.running)
            Gauge(label: MetricName.storageUsed).record(sample.storageUsedBytes)
            Gauge(label: MetricName.storagePercent).record(sample.storagePercent)
            Gauge(label: MetricName.gatewayConnected).record(sample.gatewayConnected ? 1 : 0)
            for (shard, connected) in sample.shardsConnected {
                Gauge(label: MetricName.gatewayShardConnected, dimensions: [("shard", "\(shard)")])
                    .record(connected ? 1 : 0)
            }
            let latency = sample.gatewayLatency.map { $0 / .seconds(1) }
            Gauge(label: MetricName.gatewayLatency).record(latency ?? 0)
            Counter(label: MetricName.gatewayReconnects).increment(
                by: max(0, sample.gatewayReconnects - reconnects))
            reconnects = max(reconnects, sample.gatewayReconnects)
            guard let process else { return }
            FloatingPointCounter(label: MetricName.cpuSeconds).increment(
                by: max(0, process.cpuSeconds - cpuSeconds))
            cpuSeconds = max(cpuSeconds, process.cpuSeconds)
            Gauge(label: MetricName.residentMemory).record(process.residentBytes)
            Gauge(label: MetricName.openFDs).record(process.openFileDescriptors)
        }
    }
}
