import BossCore
import BossDiscord
import Foundation
import Logging

/// Runs a Discord job: extraction through the plugins with progress edits on the reply, then the files
/// uploaded into the channel (the reply becomes the message carrying them), or a clear error.
public struct DiscordJobExecutor: JobExecutor {
    private let runtime: HostRuntime
    private let replies: ReplyClient
    private let delivery: UploadDelivery
    /// Minimum time between two progress edits of one message.
    private let progressInterval: Duration

    /// An executor over the host core and the REST client.
    public init(
        runtime: HostRuntime, replies: ReplyClient, reencodeOversize: Bool,
        shrinker: VideoShrinker = VideoShrinker(),
        progressInterval: Duration = .seconds(2)
    ) {
        self.runtime = runtime
        self.replies = replies
        delivery = UploadDelivery(
            runtime: runtime, replies: replies, reencodeOversize: reencodeOversize, shrinker: shrinker)
        self.progressInterval = progressInterval
    }

    /// Extracts, uploads, and reports; the job's folder is removed afterwards whatever happened.
    public func execute(_ job: Job, control: JobControl) async -> JobOutcome {
        guard let context = DiscordReplyContext.decode(job.context) else {
            runtime.logger.error("job \(job.id) has no Discord context; dropped")
            return .failed(category: .internal, message: "The job's reply target was lost.")
        }
        defer { runtime.dataDirectory.removeJobDirectory(job.id, quota: runtime.quota) }
        let reporter = Task { await reportProgress(job, context, control: control) }
        let result: ExtractionResult
        do {
            result = try await runtime.runner.extract(
                ExtractionRequest(jobID: job.id, url: job.url, options: context.jobOptions), control: control)
            await Self.stop(reporter)
        } catch {
            await Self.stop(reporter)
            return await fail(job, context, error)
        }
        do {
            return try await delivery.deliver(result, job: job, context: context, control: control)
        } catch {
            runtime.logger.error("job \(job.id): upload failed: \(error)", metadata: ["url": "\(job.url)"])
            try? await replies.edit(
                context.target,
                "❌ #\(job.id) The files could not be posted: \(UploadDelivery.userText(error))")
            return .failed(category: .discord, message: "Upload failed: \(error)")
        }
    }

    /// Stops the progress edits and waits for one in flight: it must not land after the final edit.
    private static func stop(_ reporter: Task<Void, Never>) async {
        reporter.cancel()
        await reporter.value
    }

    /// Edits the reply at most once per `progressInterval`, only when the figures changed.
    private func reportProgress(_ job: Job, _ context: DiscordReplyContext, control: JobControl) async {
        let target = context.target
        var last = JobProgress()
        var lastAt = ContinuousClock.now
        try? await replies.edit(target, "⬇️ #\(job.id) starting…\n\(context.shown(job.url))")
        while !Task.isCancelled {
            try? await Task.sleep(for: progressInterval)
            guard !Task.isCancelled else { return }
            let now = ContinuousClock.now
            let progress = control.progress
            guard progress != last else { continue }
            let seconds = (now - lastAt) / .seconds(1)
            let speed = Double(progress.done &- last.done) / max(seconds, 0.001)
            try? await replies.edit(
                target,
                ProgressText.line(
                    job: job.id, progress: progress, bytesPerSecond: speed, link: context.shown(job.url)))
            (last, lastAt) = (progress, now)
        }
    }

    private func fail(_ job: Job, _ context: DiscordReplyContext, _ error: any Error) async -> JobOutcome {
        let target = context.target
        guard let extraction = error as? ExtractionError else {
            runtime.logger.error("job \(job.id) failed: \(error)")
            try? await replies.edit(target, "❌ #\(job.id) Something went wrong on the bot's side.")
            return .failed(category: .internal, message: "\(error)")
        }
        if case .cancelled = extraction {
            try? await replies.edit(target, "🚫 #\(job.id) Cancelled.\n\(context.shown(job.url))")
            return .cancelled
        }
        runtime.logger.warning("job \(job.id) failed: \(extraction)", metadata: ["url": "\(job.url)"])
        let advice = extraction.advice.map { " " + $0 } ?? ""
        // A plugin's detail may quote the site (escaped like all outside text) or its own credentials.
        let detail = SecretRedactor(environment: runtime.settings.environment).redact(extraction.userMessage)
        try? await replies.edit(
            target, "❌ #\(job.id) \(Markdown.escape(detail))\(advice)\n\(context.shown(job.url))")
        return .failed(category: extraction.category, message: detail)
    }

    /// The queue dropped the job (it crashed the bot repeatedly): the user hears it from its reply.
    public func abandon(_ job: Job, reason: String) async { await tell(job, "❌ #\(job.id) \(reason)") }

    /// The queue cannot start the job yet (its database refuses writes): the user hears that it waits.
    public func delayed(_ job: Job, reason: String) async { await tell(job, "⏸️ #\(job.id) \(reason)") }

    /// Edits the job's reply to `text` and the link; a failure is logged (the user cannot be told).
    private func tell(_ job: Job, _ text: String) async {
        guard let context = DiscordReplyContext.decode(job.context) else { return }
        do {
            try await replies.edit(context.target, "\(text)\n\(context.shown(job.url))")
        } catch {
            runtime.logger.error("job \(job.id): could not edit its reply: \(error)")
        }
    }
}
