import BossMetrics
import Metrics
import ServiceLifecycle

/// The figures the host reads on a timer rather than at an event: queue and storage levels, the
/// gateway's state, and the process's own figures.
public struct MonitoringSample: Sendable {
    /// Jobs waiting.
    public var queued: Int
    /// Jobs running.
    public var running: Int
    /// Bytes the data directory holds.
    public var storageUsedBytes: Int64
    /// Percent of the storage quota used.
    public var storagePercent: Double
    /// Whether the gateway session is ready.
    public var gatewayConnected: Bool
    /// The last heartbeat round trip.
    public var gatewayLatency: Duration?
    /// Reconnects since start.
    public var gatewayReconnects: Int

    /// Creates a sample.
    public init(
        queued: Int, running: Int, storageUsedBytes: Int64, storagePercent: Double, gatewayConnected: Bool,
        gatewayLatency: Duration?, gatewayReconnects: Int
    ) {
        self.queued = queued
        self.running = running
        self.storageUsedBytes = storageUsedBytes
        self.storagePercent = storagePercent
        self.gatewayConnected = gatewayConnected
        self.gatewayLatency = gatewayLatency
        self.gatewayReconnects = gatewayReconnects
    }
}

/// A service that records a `MonitoringSample` and the process figures every `interval`.
public struct MetricsSampler: Service {
    let interval: Duration
    let sample: @Sendable () async -> MonitoringSample

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
