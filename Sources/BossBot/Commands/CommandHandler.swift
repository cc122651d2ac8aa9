import BossCore
import BossDiscord
import BossMetrics
import Foundation
import Logging

/// Carries out the bot's commands. Every command gets its first reply at once (nothing here waits for
/// the queue); downloads are queued and reported by `DiscordJobExecutor`.
public struct CommandHandler: Sendable {
    private let replies: ReplyClient
    private let settings: BotSettings
    private let directMessages: DirectMessageRoles
    private let jobs: JobCommands
    private let info: InfoCommands
    private let logger: Logger

    /// A handler over the queue, the host core and the REST client.
    public init(
        queue: DownloadQueue, runtime: HostRuntime, replies: ReplyClient, settings: BotSettings,
        gateway: @escaping @Sendable () async -> (connected: Bool, latency: Duration?)
    ) {
        self.replies = replies
        self.settings = settings
        directMessages = DirectMessageRoles(rest: replies.rest, policy: settings.access)
        jobs = JobCommands(queue: queue, replies: replies, settings: settings, logger: runtime.logger)
        info = InfoCommands(queue: queue, runtime: runtime, prefix: settings.prefix, gateway: gateway)
        logger = runtime.logger
    }

    /// Runs `command`; failures to answer are logged (the user cannot be told over a broken REST path).
    public func handle(_ command: BotCommand, _ invocation: Invocation) async {
        let responder = Responder(replies: replies, invocation: invocation)
        let arrived = ContinuousClock.now
        defer { BossMetrics.commandAnswered(command.metricName, since: arrived) }
        do {
            var refusal = settings.access.refusal(
                user: invocation.user, guild: invocation.guild, channel: invocation.channel,
                memberRoles: invocation.roles)
            if refusal == nil && invocation.guild == nil {
                refusal = await directMessages.refusal(for: invocation.user, logger: logger)
            }
            if let refusal {
                logger.notice(
                    "security: refused user",
                    metadata: SecurityEvent.metadata(invocation, kind: "refused_user"))
                _ = try await responder.first("⛔ \(refusal)")
                return
            }
            if command.isAdminOnly && !settings.access.isAdmin(invocation.user) {
                logger.notice(
                    "security: admin command by non-admin",
                    metadata: SecurityEvent.metadata(invocation, kind: "not_admin"))
                _ = try await responder.first("⛔ Only the bot's admins can use that command.")
                return
            }
            try await run(command, invocation, responder)
        } catch {
            logger.error(
                "could not answer a command: \(error)", metadata: ["channel": "\(invocation.channel)"])
        }
    }

    private func run(_ command: BotCommand, _ invocation: Invocation, _ responder: Responder) async throws {
        switch command {
        case .download(let arguments): try await jobs.download(arguments, invocation, responder)
        case .queue: _ = try await responder.first(await info.queueText(invocation))
        case .status: _ = try await responder.first(await info.statusText())
        case .cancel(let job): _ = try await responder.first(await jobs.cancel(job, invocation))
        case .plugins: _ = try await responder.first(info.pluginsText())
        case .ping: _ = try await responder.first(await info.pingText())
        case .help: _ = try await responder.first(info.helpText())
        case .reload: _ = try await responder.first(info.reload())
        case .unknown(let name, let suggestion):
            let hint = suggestion.map { " Did you mean `\(settings.prefix)\($0)`?" } ?? ""
            _ = try await responder.first(
                "❓ Unknown command \(Markdown.code(name)).\(hint) Type `\(settings.prefix)help` for the list."
            )
        }
    }
}
