import BossCore
import BossDiscord

/// The bot's own settings (see `docs/CONFIGURATION.md`), validated at start.
public struct BotSettings: Sendable {
    /// The command prefix.
    public var prefix: String
    /// Who may use the bot where.
    public var access: AccessPolicy
    /// Downloads a user may start per `rateWindow`.
    public var rateCount: Int
    /// See `rateCount`.
    public var rateWindow: Duration
    /// The upload limit when Discord does not say (prefix commands).
    public var uploadLimitBytes: Int64
    /// Re-encode videos over the upload limit.
    public var reencodeOversize: Bool
    /// The shards this process runs.
    public var shards: ShardSelection
    /// Shards in all; nil: Discord's recommendation.
    public var shardCount: Int?

    /// Reads the settings.
    public init(_ settings: HostSettings) throws(ConfigurationError) {
        let env = settings.environment
        prefix = settings.prefix
        access = AccessPolicy()
        access.admins = Set(try env.idList(.adminIDs).map(Snowflake.init(rawValue:)))
        access.guilds = Set(try env.idList(.allowedGuilds).map(Snowflake.init(rawValue:)))
        access.channels = Set(try env.idList(.allowedChannels).map(Snowflake.init(rawValue:)))
        access.roles = Set(try env.idList(.allowedRoles).map(Snowflake.init(rawValue:)))
        access.allowsDMs = try env.flag(.allowDMs)
        let rate = (env[.userRateLimit] ?? "").split(separator: "/").compactMap { Int($0) }
        guard rate.count == 2, (1...1000).contains(rate[0]), (1...86_400).contains(rate[1]) else {
            throw .invalidValue(
                key: SettingKey.userRateLimit.rawValue, value: env[.userRateLimit] ?? "",
                expected: "COUNT/SECONDS, e.g. 5/60")
        }
        rateCount = rate[0]
        rateWindow = .seconds(rate[1])
        uploadLimitBytes = Int64(try env.integer(.uploadLimitMB, in: 1...500)) * HostSettings.bytesPerMegabyte
        reencodeOversize = try env.flag(.reencodeOversize)
        if env[.shardCount] == "auto" {
            shardCount = nil
        } else {
            shardCount = try env.integer(.shardCount, in: 1...10_000)
        }
        shards = try ShardSelection(env, count: shardCount)
    }
}
