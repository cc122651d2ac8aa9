import BossBot
import BossDiscord
import Logging

/// Builds the process's `ShardedGateway` from the settings and `GET /gateway/bot`: the shard range
/// out of the count (Discord's recommendation for `auto`), one IDENTIFY schedule for all shards, and
/// each shard's saved session from the data directory.
struct ShardGatewayFactory {
    let settings: BotSettings
    let info: GatewayBotInfo
    let token: String
    let logger: Logger

    /// The gateway; throws the configuration error when the range does not fit the count.
    func gateway(dataDirectory: String) throws -> ShardedGateway {
        let count = settings.shardCount ?? max(1, info.shards)
        let ids = try settings.shards.ids(count: count)
        var configuration = GatewayConfiguration(token: token)
        configuration.identifyBudget = info.sessionStartLimit.remaining
        configuration.identifyGate = IdentifyGate(
            maxConcurrency: info.sessionStartLimit.maxConcurrency, budget: info.sessionStartLimit.remaining,
            spacing: configuration.identifySpacing)
        let buckets = info.sessionStartLimit.maxConcurrency
        logger.info(
            "gateway: shards \(ids.lowerBound)-\(ids.upperBound) of \(count), max_concurrency \(buckets)")
        return ShardedGateway(
            gatewayURL: info.url, configuration: configuration, ids: ids, count: count,
            resume: { SavedSession.take(from: dataDirectory + "/" + SavedSession.fileName(for: $0)) },
            logger: logger)
    }
}
