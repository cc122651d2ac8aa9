/// Every environment setting the host reads, with its default and meaning: the single source for
/// `docs/CONFIGURATION.md`, so documentation and code cannot drift apart.
public enum SettingKey: String, Sendable, CaseIterable {
    case discordToken = "DISCORD_TOKEN"
    case discordAPIURL = "BOSS_DISCORD_API_URL"
    case prefix = "BOSS_PREFIX"
    case pluginsDirectory = "BOSS_PLUGINS_DIR"
    case dataDirectory = "BOSS_DATA_DIR"
    case maxConcurrent = "BOSS_MAX_CONCURRENT"
    case maxQueue = "BOSS_MAX_QUEUE"
    case maxQueuePerUser = "BOSS_MAX_QUEUE_PER_USER"
    case maxFileMB = "BOSS_MAX_FILE_MB"
    case storageQuotaMB = "BOSS_STORAGE_QUOTA_MB"
    case allowPrivateNetworks = "BOSS_ALLOW_PRIVATE_NETWORKS"
    case metricsAddress = "BOSS_METRICS_ADDR"
    case logLevel = "BOSS_LOG_LEVEL"
    case logFormat = "BOSS_LOG_FORMAT"
    case logFile = "BOSS_LOG_FILE"
    case logMaxMB = "BOSS_LOG_MAX_MB"
    case logKeep = "BOSS_LOG_KEEP"
    case shutdownGraceSeconds = "BOSS_SHUTDOWN_GRACE_SECONDS"
    case jobTimeoutSeconds = "BOSS_JOB_TIMEOUT_SECONDS"
    case adminIDs = "BOSS_ADMIN_IDS"
    case allowedGuilds = "BOSS_ALLOWED_GUILDS"
    case allowedChannels = "BOSS_ALLOWED_CHANNELS"
    case allowedRoles = "BOSS_ALLOWED_ROLES"
    case allowDMs = "BOSS_ALLOW_DMS"
    case userRateLimit = "BOSS_USER_RATE_LIMIT"
    case uploadLimitMB = "BOSS_UPLOAD_LIMIT_MB"
    case reencodeOversize = "BOSS_REENCODE_OVERSIZE"
    case shards = "BOSS_SHARDS"
    case shardID = "BOSS_SHARD_ID"
    case shardCount = "BOSS_SHARD_COUNT"
    case backupKeep = "BOSS_BACKUP_KEEP"
    case backupIntervalHours = "BOSS_BACKUP_INTERVAL_HOURS"
    case pluginsInsecure = "BOSS_PLUGINS_INSECURE"
    case queueURL = "BOSS_QUEUE_URL"
    case workers = "BOSS_WORKERS"
    case queueLeaseSeconds = "BOSS_QUEUE_LEASE_SECONDS"

    /// The value used when the setting is absent; nil when there is none.
    public var defaultValue: String? {
        switch self {
        case .discordToken, .logFile, .adminIDs, .allowedGuilds, .allowedChannels, .allowedRoles, .shardID,
            .queueURL:
            nil
        case .discordAPIURL: "https://discord.com/api/v10"
        case .prefix: "$"
        case .pluginsDirectory: "plugins.d"
        case .dataDirectory: "data"
        case .maxConcurrent: "5"
        case .maxQueue: "50"
        case .maxQueuePerUser: "10"
        case .maxFileMB: "50"
        case .storageQuotaMB: "2048"
        case .allowPrivateNetworks: "0"
        case .metricsAddress: "127.0.0.1:9464"
        case .logLevel: "info"
        case .logFormat: "text"
        case .logMaxMB: "10"
        case .logKeep: "5"
        case .shutdownGraceSeconds: "30"
        case .jobTimeoutSeconds: "900"
        case .allowDMs: "0"
        case .userRateLimit: "5/60"
        case .uploadLimitMB: "10"
        case .reencodeOversize: "1"
        case .shards: "all"
        case .shardCount: "auto"
        case .backupKeep: "7"
        case .backupIntervalHours: "24"
        case .pluginsInsecure: "0"
        case .workers: "1"
        case .queueLeaseSeconds: "30"
        }
    }

    /// Whether the value must never be printed (logs, errors, `--help`): the token, and the queue URL,
    /// which may carry the database password.
    public var isSecret: Bool { self == .discordToken || self == .queueURL }
}
