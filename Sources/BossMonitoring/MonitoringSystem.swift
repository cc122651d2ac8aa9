import BossMetrics
import Metrics
import Prometheus
import Synchronization

/// The process's metrics backend: a Prometheus registry behind swift-metrics, bootstrapped once (the
/// swift-metrics API allows one backend per process), with the histogram buckets of Boss-Bot's families.
public enum MonitoringSystem {
    private static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[MetricName.downloadSpeed] = [
            16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216, 67_108_864, 268_435_456,
        ]
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
            .seconds(10),
            .seconds(30),
        ]
        MetricsSystem.bootstrap(factory)
        declareFamilies()
        return registry
    }()

    /// Installs the backend (once; later calls do nothing) and returns its registry.
    @discardableResult
    public static func bootstrap() -> PrometheusCollectorRegistry { shared }

    /// Every metric in the Prometheus text format.
    public static func exposition() -> String { shared.emitToString() }

    /// Creates the families that have a fixed set of labels, at zero, so a dashboard shows them before
    /// their first event.
    private static func declareFamilies() {
        Counter(label: MetricName.downloadedBytes).increment(by: 0)
        Counter(label: MetricName.gatewayReconnects).increment(by: 0)
        for state in ["queued", "started", "delivered", "failed", "cancelled"] {
            Counter(label: MetricName.jobTransitions, dimensions: [("state", state)]).increment(by: 0)
        }
        for category in ["user_input", "upstream", "plugin", "limit", "network", "discord", "internal"] {
            Counter(label: MetricName.errors, dimensions: [("category", category)]).increment(by: 0)
        }
        for reason in ["too_large", "bad_type", "quota", "empty", "io"] {
            Counter(label: MetricName.filesRejected, dimensions: [("reason", reason)]).increment(by: 0)
        }
        for kind in ["refused_user", "not_admin", "rate_limited", "blocked_address"] {
            Counter(label: MetricName.securityEvents, dimensions: [("kind", kind)]).increment(by: 0)
        }
    }
}
