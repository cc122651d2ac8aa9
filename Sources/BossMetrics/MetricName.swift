/// The name of every metric family Boss-Bot exports (Prometheus names), in one place so the dashboard,
/// the Grafana board and the tests agree with the code.
public enum MetricName {
    /// Gauge: jobs waiting.
    public static let queueLength = "boss_queue_length"
    /// Gauge, label `state` (`queued`, `running`): jobs in each unfinished state.
    public static let jobs = "boss_jobs"
    /// Counter, label `state` (`queued`, `started`, `delivered`, `failed`, `cancelled`): state changes.
    public static let jobTransitions = "boss_job_transitions_total"
    /// Counter: bytes stored by downloads.
    public static let downloadedBytes = "boss_downloaded_bytes_total"
    /// Histogram: bytes per second of each finished download.
    public static let downloadSpeed = "boss_download_speed_bytes_per_second"
    /// Counter, label `category` (an `ErrorCategory` raw value): errors.
    public static let errors = "boss_errors_total"
    /// Histogram, label `command`: seconds from a command's arrival until it has been answered (for
    /// downloads: every link acknowledged and queued).
    public static let commandResponse = "boss_command_response_seconds"
    /// Histogram, label `route`: seconds per Discord REST request.
    public static let discordRequest = "boss_discord_request_seconds"
    /// Counter, label `route`: 429 answers from Discord.
    public static let discordRateLimited = "boss_discord_rate_limited_total"
    /// Gauge: the last heartbeat round trip, in seconds.
    public static let gatewayLatency = "boss_gateway_heartbeat_latency_seconds"
    /// Counter: gateway reconnects (resumes and new sessions).
    public static let gatewayReconnects = "boss_gateway_reconnects_total"
    /// Gauge: 1 while the gateway session is ready, else 0.
    public static let gatewayConnected = "boss_gateway_connected"
    /// Gauge, label `shard`: 1 while that shard's session is ready, else 0; one series per shard the
    /// process runs (`BOSS_SHARDS`), so the series say its shard range.
    public static let gatewayShardConnected = "boss_gateway_shard_connected"
    /// Gauge: bytes the data directory holds.
    public static let storageUsed = "boss_storage_used_bytes"
    /// Gauge: percent of `BOSS_STORAGE_QUOTA_MB` used.
    public static let storagePercent = "boss_storage_quota_used_percent"
    /// Counter, label `reason` (`too_large`, `bad_type`, `quota`, `empty`, `io`): files the sink refused.
    public static let filesRejected = "boss_files_rejected_total"
    /// Counter, label `kind` (`refused_user`, `not_admin`, `rate_limited`, `blocked_address`): security
    /// events.
    public static let securityEvents = "boss_security_events_total"
    /// Counter, label `plugin`: extractions each plugin ran.
    public static let pluginJobs = "boss_plugin_jobs_total"
    /// Counter, label `plugin`: extractions each plugin failed.
    public static let pluginFailures = "boss_plugin_failures_total"
    /// Counter: CPU seconds (user + system) of the process.
    public static let cpuSeconds = "process_cpu_seconds_total"
    /// Gauge: resident memory of the process, in bytes.
    public static let residentMemory = "process_resident_memory_bytes"
    /// Gauge: file descriptors the process holds open.
    public static let openFDs = "process_open_fds"

    /// Gauge, labels `role` (`bot`, `gateway` or `worker`) and `shards` (the range it runs, `none` for a
    /// worker): always 1, so every series of a process can be joined to what that process does.
    public static let processInfo = "boss_process_info"

    /// Every family, for checks that none is missing.
    public static let all = [
        queueLength, jobs, jobTransitions, downloadedBytes, downloadSpeed, errors, commandResponse,
        discordRequest,
        discordRateLimited, gatewayLatency, gatewayReconnects, gatewayConnected, gatewayShardConnected,
        storageUsed, storagePercent,
        filesRejected, securityEvents, pluginJobs, pluginFailures, cpuSeconds, residentMemory, openFDs,
        processInfo,
    ]
}
