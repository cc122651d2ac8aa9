import Metrics

/// One-line instrumentation calls for the code that sees an event happen. They record through
/// swift-metrics, so they cost nothing until the host bootstraps a backend (`MetricsServer`), and the
/// modules that call them (queue, Discord client, bot) never depend on the HTTP server.
public enum BossMetrics {
    /// A job entered `state` (`queued`, `started`, `delivered`, `failed`, `cancelled`).
    public static func jobTransition(_ state: String) {
        Counter(label: MetricName.jobTransitions, dimensions: [("state", state)]).increment()
    }

    /// A download that began at `started` stored `bytes`.
    public static func downloaded(bytes: Int64, since started: ContinuousClock.Instant) {
        Counter(label: MetricName.downloadedBytes).increment(by: max(0, bytes))
        guard bytes > 0 else { return }
        Recorder(label: MetricName.downloadSpeed).record(Double(bytes) / max(seconds(since: started), 0.001))
    }

    /// An error of `category` (an `ErrorCategory` raw value) happened.
    public static func error(_ category: String) {
        Counter(label: MetricName.errors, dimensions: [("category", category)]).increment()
    }

    /// `command`, which arrived at `arrived`, has been answered (downloads: acknowledged and queued).
    public static func commandAnswered(_ command: String, since arrived: ContinuousClock.Instant) {
        Timer(label: MetricName.commandResponse, dimensions: [("command", command)])
            .recordSeconds(seconds(since: arrived))
    }

    /// A Discord REST request on `route`, sent at `started`, got `status` (0: no answer). 429s are
    /// counted apart; other failures count as `discord` errors.
    public static func discordRequest(route: String, since started: ContinuousClock.Instant, status: Int) {
        Timer(label: MetricName.discordRequest, dimensions: [("route", route)])
            .recordSeconds(seconds(since: started))
        if status >= 500 || status == 0 { error("discord") }
        if status == 429 {
            Counter(label: MetricName.discordRateLimited, dimensions: [("route", route)]).increment()
        }
    }

    /// The sink refused a file for `reason`.
    public static func fileRejected(_ reason: String) {
        Counter(label: MetricName.filesRejected, dimensions: [("reason", reason)]).increment()
    }

    /// A security event of `kind` (refused user, non-admin, rate limited, blocked address…) happened.
    public static func securityEvent(_ kind: String) {
        Counter(label: MetricName.securityEvents, dimensions: [("kind", kind)]).increment()
    }

    /// Plugin `plugin` ran an extraction, which failed unless `succeeded`.
    public static func pluginRun(_ plugin: String, succeeded: Bool) {
        Counter(label: MetricName.pluginJobs, dimensions: [("plugin", plugin)]).increment()
        if !succeeded {
            Counter(label: MetricName.pluginFailures, dimensions: [("plugin", plugin)]).increment()
        }
    }

    /// Seconds from `start` to now.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start) / .seconds(1)
    }
}
