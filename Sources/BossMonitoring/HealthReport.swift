import Foundation

/// What `/healthz` reports: healthy (200) only when the gateway is connected, the queue accepts jobs,
/// its database takes writes, storage is under its quota and at least one plugin is loaded; otherwise
/// 503 with the reasons.
public struct HealthReport: Sendable, Equatable {
    /// The gateway session is ready.
    public var gatewayConnected: Bool
    /// The queue takes new jobs (false while shutting down).
    public var queueAccepting: Bool
    /// The data directory is below `BOSS_STORAGE_QUOTA_MB`.
    public var storageUnderQuota: Bool
    /// Plugins loaded and taking jobs.
    public var pluginsLoaded: Int
    /// What the queue database refuses while it lasts (full disk, lock held elsewhere); nil when fine.
    public var queueDatabaseFault: String?
    /// Whether each shard this process runs is connected, by shard id (empty: not reported).
    public var shards: [Int: Bool] = [:]
    /// What the process does: `bot`, `gateway` or `worker` (which has no gateway to report on).
    public var role = "bot"
    /// Which queue database it uses (`sqlite:PATH` or `postgres://user@host:port/db`); nil: not reported.
    public var queueDatabase: String?

    /// Creates a report.
    public init(
        gatewayConnected: Bool, queueAccepting: Bool, storageUnderQuota: Bool, pluginsLoaded: Int,
        queueDatabaseFault: String? = nil
    ) {
        self.gatewayConnected = gatewayConnected
        self.queueAccepting = queueAccepting
        self.storageUnderQuota = storageUnderQuota
        self.pluginsLoaded = pluginsLoaded
        self.queueDatabaseFault = queueDatabaseFault
    }

    /// Why the bot is unhealthy; empty when it is healthy.
    public var reasons: [String] {
        var reasons: [String] = []
        if !gatewayConnected && role != "worker" { reasons.append("gateway not connected") }
        if !queueAccepting { reasons.append("queue not accepting jobs") }
        if let queueDatabaseFault { reasons.append("queue database failing: \(queueDatabaseFault)") }
        if !storageUnderQuota { reasons.append("storage quota reached") }
        if pluginsLoaded == 0 { reasons.append("no plugin loaded") }
        return reasons
    }

    /// Whether every check passes.
    public var isHealthy: Bool { reasons.isEmpty }

    /// `{"gateway_connected":…,"plugins_loaded":…,"queue_accepting":…,"queue_database_ok":…,"role":…,`
    /// `"status":…,"storage_under_quota":…}`, with `"queue_database":…` and `"shards":{"0":true,…}` when
    /// reported and `"reasons":[…]` when unhealthy.
    public var json: String {
        var object: [String: Any] = [
            "status": isHealthy ? "ok" : "unhealthy", "gateway_connected": gatewayConnected,
            "queue_accepting": queueAccepting, "queue_database_ok": queueDatabaseFault == nil,
            "storage_under_quota": storageUnderQuota,
            "plugins_loaded": pluginsLoaded,
        ]
        object["role"] = role
        if let queueDatabase { object["queue_database"] = queueDatabase }
        if !shards.isEmpty {
            object["shards"] = Dictionary(uniqueKeysWithValues: shards.map { (String($0.key), $0.value) })
        }
        if !isHealthy { object["reasons"] = reasons }
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
