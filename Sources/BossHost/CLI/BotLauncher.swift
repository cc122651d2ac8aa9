import BossBot
import BossCore
import BossDiscord
import Foundation
import Logging
import ServiceLifecycle

/// Assembles one process of the bot for its role (REST, gateway session and command handler when it
/// has the gateway, the queue with or without workers) and runs it as a service group until
/// SIGINT/SIGTERM or a fatal gateway close.
struct BotLauncher {
    let runtime: HostRuntime
    let settings: BotSettings
    let token: String
    let role: ProcessRole
    let logger: Logger

    /// Why the bot could not start or had to stop.
    struct StartError: Error, CustomStringConvertible {
        var description: String
        /// The operator must change a setting (exit 2), rather than a runtime failure (exit 1).
        var isConfiguration: Bool
    }

    func run() async throws {
        let rest = DiscordREST(baseURL: runtime.settings.discordAPIURL, token: token, logger: logger)
        let gateway =
            role.hasGateway
            ? try await GatewayStart(settings: settings, token: token, logger: logger)
                .gateway(rest: rest, dataDirectory: runtime.dataDirectory.root) : nil
        let (store, storeName) = try QueueStoreOpener.open(
            runtime.settings, role: role, path: runtime.dataDirectory.queueDatabase, logger: logger)
        let replies = ReplyClient(rest: rest)
        let executor = DiscordJobExecutor(
            runtime: runtime, replies: replies, reencodeOversize: settings.reencodeOversize)
        let queue = DownloadQueue(
            store: store, scope: "discord",
            limits: QueueLimits(
                maxRunning: role.runsJobs ? runtime.settings.maxConcurrent : 0,
                maxWaiting: runtime.settings.maxQueue,
                maxWaitingPerRequester: runtime.settings.maxQueuePerUser),
            executor: DeadlineExecutor(executor, timeout: runtime.settings.jobTimeout, logger: logger),
            logger: logger, leaseDuration: runtime.settings.queue.leaseDuration)
        do {
            try await queue.start()
        } catch {
            throw StartError(description: "\(error)", isConfiguration: false)
        }
        logger.notice("started as \(role.rawValue) on queue \(storeName)")
        let monitoring = BotMonitoring(
            runtime: runtime, queue: queue, gateway: gateway, role: role, queueDatabase: storeName,
            shards: role.hasGateway ? settings.shards.label : "none")
        var services: [any Service] = []
        do {
            if let address = runtime.settings.metricsAddress {
                services += try monitoring.services(address: address)
            }
        } catch {
            await queue.shutdown(gracePeriod: .zero)
            throw StartError(description: "\(error)", isConfiguration: true)
        }
        // Shut down last to first: the gateway (no new commands), then the queue drains, then the rest.
        services += [
            QueueMetricsService(queue: queue), CleanupService(runtime: runtime),
            BackupService(schedule: BackupSchedule(settings: runtime.settings, logger: logger)),
            PluginWatcherService(watcher: PluginDirectoryWatcher(loader: runtime.loader)),
            QueueService(queue: queue, grace: runtime.settings.shutdownGrace, logger: logger),
        ]
        if let gateway {
            let handler = CommandHandler(
                queue: queue, runtime: runtime, replies: replies, settings: settings,
                gateway: { (await gateway.isConnected, await gateway.latency) })
            let bot = DiscordBot(
                events: gateway.events, rest: rest, handler: handler, settings: settings, logger: logger,
                resuming: gateway.resumed)
            services.append(
                GatewayService(gateway: gateway, bot: bot, dataDirectory: runtime.dataDirectory.root))
        }
        try await run(services)
    }

    /// Runs `services` until SIGTERM/SIGINT (graceful: exit 0) or a fatal gateway close (exit 2).
    private func run(_ services: [any Service]) async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map {
                    .init(
                        service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup)
                },
                logger: logger))
        let signals = ShutdownSignals.install { await group.triggerGracefulShutdown() }
        defer { signals.cancel() }
        do {
            try await group.run()
        } catch let fatal as GatewayService.Fatal {
            throw StartError(description: fatal.description, isConfiguration: true)
        }
        logger.notice("stopped")
    }
}
