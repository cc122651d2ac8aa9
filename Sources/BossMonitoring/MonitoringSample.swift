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
    /// Whether each shard this process runs is ready, by shard id.
    public var shardsConnected: [Int: Bool] = [:]

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
