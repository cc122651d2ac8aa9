import BossMonitoring
import Foundation
import Testing

/// `/healthz`'s verdict: healthy only when every check passes, and each failing check named.
@Suite("Health report")
struct HealthReportTests {
    static let healthy = HealthReport(
        gatewayConnected: true, queueAccepting: true, storageUnderQuota: true, pluginsLoaded: 2)

    @Test("all checks pass: ok, no reasons, the four fields in the JSON")
    func ok() throws {
        #expect(Self.healthy.isHealthy)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.healthy.json.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "ok")
        #expect(object["gateway_connected"] as? Bool == true && object["queue_accepting"] as? Bool == true)
        #expect(object["storage_under_quota"] as? Bool == true && object["plugins_loaded"] as? Int == 2)
        #expect(object["reasons"] == nil)
    }

    @Test(
        "each failing check makes it unhealthy with its own reason",
        arguments: [
            (\HealthReport.gatewayConnected, "gateway not connected"),
            (\HealthReport.queueAccepting, "queue not accepting jobs"),
            (\HealthReport.storageUnderQuota, "storage quota reached"),
        ] as [(WritableKeyPath<HealthReport, Bool> & Sendable, String)])
    func failing(_ check: WritableKeyPath<HealthReport, Bool> & Sendable, _ reason: String) {
        var report = Self.healthy
        report[keyPath: check] = false
        #expect(!report.isHealthy)
        #expect(report.reasons == [reason])
        #expect(report.json.contains(#""status":"unhealthy""#) && report.json.contains(reason))
    }

    @Test("a queue database that refuses writes is unhealthy, with SQLite's reason")
    func queueDatabaseFault() throws {
        var report = Self.healthy
        #expect(report.json.contains(#""queue_database_ok":true"#))
        report.queueDatabaseFault = "SQLite error 13: database or disk is full"
        #expect(report.reasons == ["queue database failing: SQLite error 13: database or disk is full"])
        #expect(report.json.contains(#""queue_database_ok":false"#) && report.json.contains("disk is full"))
    }

    @Test("no plugin loaded is unhealthy")
    func noPlugins() {
        var report = Self.healthy
        report.pluginsLoaded = 0
        #expect(report.reasons == ["no plugin loaded"])
    }

    @Test("a worker has no gateway to be unhealthy about; every report names its role and queue database")
    func workerRole() {
        var report = Self.healthy
        report.gatewayConnected = false
        report.role = "worker"
        report.queueDatabase = "postgres://boss@db:5432/bot"
        #expect(report.isHealthy)
        #expect(report.json.contains(#""role":"worker""#))
        #expect(report.json.contains(#""queue_database":"postgres:\/\/boss@db:5432\/bot""#), "\(report.json)")
        report.role = "gateway"
        #expect(report.reasons == ["gateway not connected"])
    }
}
