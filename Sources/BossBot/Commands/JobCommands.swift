import BossCore
import BossDiscord
import Logging

/// `download` and `cancel`: the commands that queue and cancel jobs, with the per-user rate limit on
/// new downloads.
struct JobCommands: Sendable {
    private let queue: DownloadQueue
    private let replies: ReplyClient
    private let settings: BotSettings
    private let limiter: UserRateLimiter
    private let logger: Logger

    init(queue: DownloadQueue, replies: ReplyClient, settings: BotSettings, logger: Logger) {
        self.queue = queue
        self.replies = replies
        self.settings = settings
        limiter = UserRateLimiter(capacity: settings.rateCount, window: settings.rateWindow)
        self.logger = logger
    }

    /// Queues each link the user's rate limit allows; each gets its own reply, which the job then edits
    /// with progress and files. Links over the limit are named in one more message, with when to retry.
    func download(_ arguments: [String], _ invocation: Invocation, _ responder: Responder) async throws {
        let options: JobOptions
        let words: [String]
        switch DownloadOptions.split(arguments) {
        case .success(let split): (options, words) = split
        case .failure(let mistake):
            _ = try await responder.first("❌ \(mistake.sentence)")
            return
        }
        let (links, rejected) = LinkParser.parse(words)
        guard !links.isEmpty else {
            let example = "`\(settings.prefix)download https://x.com/user/status/123`"
            let what =
                rejected.first.map {
                    "\(Markdown.code(String($0.prefix(100)))) is not a link I can download."
                }
                ?? "Give me a link."
            _ = try await responder.first("❌ \(what) Send an http(s) link, e.g. \(example).")
            return
        }
        guard links.count <= LinkParser.maxLinks else {
            _ = try await responder.first(
                "❌ That is \(links.count) links; send at most \(LinkParser.maxLinks) at a time.")
            return
        }
        let (granted, wait) = limiter.take(upTo: links.count, for: invocation.user.rawValue)
        let rate =
            "you can start \(settings.rateCount) downloads per \(settings.rateWindow.components.seconds) s"
        let retry = "\((wait ?? .zero).components.seconds + 1) s"
        if granted < links.count {
            logger.notice(
                "security: user rate limit hit",
                metadata: SecurityEvent.metadata(invocation, kind: "rate_limited"))
        }
        guard granted > 0 else {
            _ = try await responder.first("⏱️ Slow down: \(rate). Try again in \(retry).")
            return
        }
        let skipped =
            rejected.isEmpty
            ? ""
            : "\n(ignored: \(rejected.prefix(3).map { Markdown.code(String($0.prefix(60))) }.joined(separator: ", ")))"
        for (index, link) in links.prefix(granted).enumerated() {
            let shown = DiscordReplyContext.shown(link.url, spoiler: link.isSpoiler)
            let text = "⏳ Queued \(shown)" + (index == 0 ? skipped : "")
            let target =
                index == 0 ? try await responder.first(text) : try await responder.another(text, index: index)
            let context = DiscordReplyContext(
                target: target, spoiler: link.isSpoiler, uploadLimit: invocation.uploadLimit,
                guild: invocation.guild, options: options)
            do {
                _ = try await queue.enqueue(
                    url: link.url, requester: invocation.user.rawValue, context: context.encoded)
            } catch {
                try await replies.edit(target, "❌ \(error.userMessage)\n\(shown)")
            }
        }
        let held = links.dropFirst(granted).map { DiscordReplyContext.shown($0.url, spoiler: $0.isSpoiler) }
        guard !held.isEmpty else { return }
        _ = try await responder.another(
            "⏱️ Not queued: \(held.joined(separator: " ")): \(rate). "
                + "Send \(held.count == 1 ? "it" : "them") again in \(retry).",
            index: granted)
    }

    /// `cancel JOB`: the requester or an admin may cancel.
    func cancel(_ argument: String?, _ invocation: Invocation) async -> String {
        let digits = argument.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        guard let digits, let raw = Int64(digits) else {
            return
                "❌ Which job? Use `\(settings.prefix)cancel 12` (the number from `\(settings.prefix)queue`)."
        }
        let id = JobID(rawValue: raw)
        guard let job = await queue.job(id), job.scope == "discord" else {
            return "❌ There is no job #\(raw)."
        }
        guard job.requester == invocation.user.rawValue || settings.access.isAdmin(invocation.user) else {
            return "⛔ Job #\(raw) is someone else's; only they or an admin can cancel it."
        }
        do {
            _ = try await queue.cancel(id)
            return "🚫 Cancelling #\(raw)."
        } catch {
            return "❌ \(error.userMessage)"
        }
    }
}
