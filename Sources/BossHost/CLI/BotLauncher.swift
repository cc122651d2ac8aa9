import BossBot
import BossCore
import BossDiscord
import Foundation
import Logging

/// Assembles the bot (REST, gateway session, queue, command handler, plugin watcher) and runs it until
/// SIGINT/SIGTERM or a fatal gateway close.
struct BotLauncher {
    let runtime: HostRuntime
    let settings: BotSettings
    let token: String
    let logger: Logger

    /// Why the bot could not start or had to stop.
    struct StartError: Error, CustomStringConvertible {
        var description: String
        /// The operator must change a setting (exit 2), rather than a runtime failure (exit 1).
        var isConfiguration: Bool
    }

    func run() async throws {
        let rest = DiscordREST(baseURL: runtime.settings.discordAPIURL, token: token, logger: logger)
        let info: GatewayBotInfo
        do {
            info = try await rest.call(.gatewayBot, as: GatewayBotInfo.self)
        } catch {
            if case .http(401, _, _, _) = error {
                throw StartError(
                    description: "Discord rejected DISCORD_TOKEN (401); reset it under Bot > Reset Token.",
                    isConfiguration: true)
            }
            throw StartError(description: "cannot reach Discord: \(error)", isConfiguration: false)
        }
        var configuration = GatewayConfiguration(token: token)
        configuration.shard = ShardInfo(
            id: settings.shardID, count: settings.shardCount ?? max(1, info.shards))
        configuration.identifyBudget = info.sessionStartLimit.remaining
        let session = GatewaySession(gatewayURL: info.url, configuration: configuration, logger: logger)
        let replies = ReplyClient(rest: rest)
        let executor = DiscordJobExecutor(
            runtime: runtime, replies: replies, reencodeOversize: settings.reencodeOversize)
        let store = try JobStore(path: runtime.dataDirectory.queueDatabase)
        let queue = DownloadQueue(
            store: store, scope: "discord",
            limits: QueueLimits(
                maxRunning: runtime.settings.maxConcurrent, maxWaiting: runtime.settings.maxQueue),
            executor: executor, logger: logger)
        try await queue.start()
        let backups = Task { await BackupSchedule(settings: runtime.settings, logger: logger)?.run() }
        defer { backups.cancel() }
        let handler = CommandHandler(
            queue: queue, runtime: runtime, replies: replies, settings: settings,
            gateway: { (await session.isConnected, await session.latency) })
        let bot = DiscordBot(
            gateway: session, rest: rest, handler: handler, settings: settings, logger: logger)
        let watcher = PluginDirectoryWatcher(loader: runtime.loader)
        watcher.start()
        defer { watcher.stop() }
        let signals = ShutdownSignals.install { await session.stop() }
        defer { signals.cancel() }
        let events = Task { await bot.handleEvents() }
        defer { events.cancel() }
        do {
            try await session.run()
        } catch {
            await queue.shutdown(gracePeriod: .seconds(5))
            throw StartError(description: "\(error)", isConfiguration: true)
        }
        logger.notice("shutting down: letting running downloads finish (up to 30 s)")
        await queue.shutdown(gracePeriod: .seconds(30))
    }
}
