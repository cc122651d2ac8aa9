/// The host's typed settings, validated once at start (see `SettingKey` for names and defaults).
public struct HostSettings: Sendable {
    /// The bot token; nil when unset. Never printed: `description` of this struct omits it.
    public var discordToken: String?
    /// REST base URL of the Discord API.
    public var discordAPIURL: String
    /// The command prefix.
    public var prefix: String
    /// Where plugins are loaded from and watched.
    public var pluginsDirectory: String
    /// Whether plugin files and folders that others own or can write are loaded anyway.
    public var pluginsInsecure: Bool
    /// Root of downloads, temporary files and the queue database.
    public var dataDirectory: String
    /// Downloads running at once.
    public var maxConcurrent: Int
    /// Jobs waiting at most.
    public var maxQueue: Int
    /// Jobs one Discord user may have waiting at most.
    public var maxQueuePerUser: Int
    /// Per-file download limit in bytes.
    public var maxFileBytes: Int64
    /// Bytes the data directory may hold.
    public var storageQuotaBytes: Int64
    /// Whether downloads may reach loopback and private addresses (tests only).
    public var allowPrivateNetworks: Bool
    /// `host:port` of the metrics server, or nil when `off`.
    public var metricsAddress: String?
    /// swift-log level name.
    public var logLevel: String
    /// `text` or `json`.
    public var logFormat: String
    /// Also log to this file when set.
    public var logFile: String?
    /// Queue backups to keep (`boss-host backup` and the scheduled ones).
    public var backupKeep: Int
    /// Hours between scheduled queue backups while the bot runs; 0: none.
    public var backupIntervalHours: Int
    /// Size at which the log file is rotated, in bytes.
    public var logMaxBytes: Int64
    /// Rotated log files kept (`FILE.1` … `FILE.N`).
    public var logKeep: Int
    /// How long running downloads may take to finish after SIGTERM/SIGINT.
    public var shutdownGrace: Duration
    /// How long one job (plugin, child processes, ffmpeg, upload) may run before it is stopped.
    public var jobTimeout: Duration
    /// Where the queue lives and whether this process downloads.
    public var queue: QueueSettings
    /// Plugin configuration source (`BOSS_PLUGIN_<ID>_<KEY>`).
    public var environment: HostEnvironment

    /// Settings count megabytes as MiB, as Discord's upload limits do.
    public static let bytesPerMegabyte: Int64 = 1_048_576

    /// Reads and validates every setting.
    public init(environment: HostEnvironment) throws(ConfigurationError) {
        self.environment = environment
        discordToken = environment.values[SettingKey.discordToken.rawValue].flatMap { $0.isEmpty ? nil : $0 }
        discordAPIURL = environment[.discordAPIURL]!
        prefix = environment[.prefix]!
        pluginsDirectory = environment[.pluginsDirectory]!
        pluginsInsecure = try environment.flag(.pluginsInsecure)
        dataDirectory = environment[.dataDirectory]!
        maxConcurrent = try environment.integer(.maxConcurrent, in: 1...64)
        maxQueue = try environment.integer(.maxQueue, in: 0...10_000)
        maxQueuePerUser = try environment.integer(.maxQueuePerUser, in: 1...10_000)
        maxFileBytes = Int64(try environment.integer(.maxFileMB, in: 1...4096)) * Self.bytesPerMegabyte
        storageQuotaBytes =
            Int64(try environment.integer(.storageQuotaMB, in: 1...10_000_000)) * Self.bytesPerMegabyte
        allowPrivateNetworks = try environment.flag(.allowPrivateNetworks)
        let metrics = environment[.metricsAddress]!
        metricsAddress = metrics == "off" ? nil : metrics
        logLevel = try Self.oneOf(
            environment, .logLevel, ["trace", "debug", "info", "notice", "warning", "error"])
        logFormat = try Self.oneOf(environment, .logFormat, ["text", "json"])
        logFile = environment[.logFile]
        backupKeep = try environment.integer(.backupKeep, in: 1...1000)
        backupIntervalHours = try environment.integer(.backupIntervalHours, in: 0...8760)
        logMaxBytes = Int64(try environment.integer(.logMaxMB, in: 1...10_000)) * Self.bytesPerMegabyte
        logKeep = try environment.integer(.logKeep, in: 0...100)
        shutdownGrace = .seconds(try environment.integer(.shutdownGraceSeconds, in: 0...3600))
        jobTimeout = .seconds(try environment.integer(.jobTimeoutSeconds, in: 1...86_400))
        queue = try QueueSettings(environment: environment)
    }

    private static func oneOf(
        _ env: HostEnvironment, _ key: SettingKey, _ allowed: [String]
    ) throws(ConfigurationError) -> String {
        let raw = (env[key] ?? "").lowercased()
        guard allowed.contains(raw) else {
            throw .invalidValue(key: key.rawValue, value: raw, expected: allowed.joined(separator: ", "))
        }
        return raw
    }
}
