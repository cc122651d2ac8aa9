import BossCore
import BossDiscord
import BossMetrics
import Foundation
import Logging

/// Carries out the bot's commands. Every command gets its first reply at once (nothing here waits for
/// the queue); downloads are queued and reported by `DiscordJobExecutor`.
public struct CommandHandler: Sendable {
    let queue: DownloadQueue
    let runtime: HostRuntime
    let replies: ReplyClient
    let settings: BotSettings
    let limiter: UserRateLimiter
    let directMessages: DirectMessageRoles
    let gateway: @Sendable () async -> (connected: Bool, latency: Duration?)
    let startedAt = ContinuousClock.now

    /// A handler over the queue, the host core and the REST client.
    public init(
        queue: DownloadQueue, runtime: HostRuntime, replies: ReplyClient, settings: BotSettings,
        gateway: @escaping @Sendable () async -> (connected: Bool, latency: Duration?)
    ) {
        self.queue = queue
        self.runtime = runtime
        self.replies = replies
        self.settings = settings
        limiter = UserRateLimiter(capacity: settings.rateCount, window: settings.rateWindow)
        directMessages = DirectMessageRoles(rest: replies.rest, policy: settings.access)
        self.gateway = gateway
    }

    var logger: Logger { runtime.logger }

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
                    "security: refused user", metadata: securityMetadata(invocation, kind: "refused_user"))
                _ = try await responder.first("⛔ \(refusal)")
                return
            }
            if command.isAdminOnly && !settings.access.isAdmin(invocation.user) {
                logger.notice(
                    "security: admin command by non-admin",
                    metadata: securityMetadata(invocation, kind: "not_admin"))
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
        case .download(let arguments): try await download(arguments, invocation, responder)
        case .queue:
            let listing = QueueListing(guild: invocation.guild, user: invocation.user)
            _ = try await responder.first(listing.text(await queue.snapshot()))
        case .status: _ = try await responder.first(await statusText())
        case .cancel(let job): _ = try await responder.first(await cancel(job, invocation))
        case .plugins: _ = try await responder.first(pluginsText())
        case .ping:
            let latency = await gateway().latency.map(Self.milliseconds)
            _ = try await responder.first("🏓 Pong! Gateway latency: \(latency ?? "not measured yet").")
        case .help: _ = try await responder.first(helpText())
        case .reload: _ = try await responder.first(reload())
        case .unknown(let name, let suggestion):
            let hint = suggestion.map { " Did you mean `\(settings.prefix)\($0)`?" } ?? ""
            _ = try await responder.first(
                "❓ Unknown command \(Markdown.code(name)).\(hint) Type `\(settings.prefix)help` for the list."
            )
        }
    }

    /// `12 ms`, as `ping` and `status` show the gateway latency.
    static func milliseconds(_ duration: Duration) -> String { "\(Int(duration / .milliseconds(1))) ms" }

    func securityMetadata(_ invocation: Invocation, kind: String) -> Logger.Metadata {
        BossMetrics.securityEvent(kind)
        return [
            "security_event": "\(kind)", "user": "\(invocation.user)",
            "guild": "\(invocation.guild?.rawValue ?? "dm")",
            "channel": "\(invocation.channel)",
        ]
    }
}
