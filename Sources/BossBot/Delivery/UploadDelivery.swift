import BossCore
import BossDiscord
import BossNet
import Foundation

/// Posts a finished job's files into its reply: batched as Discord accepts them, oversize videos
/// re-encoded to fit (when allowed), other oversize files named in the message, never silently lost.
struct UploadDelivery: Sendable {
    private let runtime: HostRuntime
    private let replies: ReplyClient
    private let reencodeOversize: Bool
    private let shrinker: VideoShrinker

    init(runtime: HostRuntime, replies: ReplyClient, reencodeOversize: Bool, shrinker: VideoShrinker) {
        self.runtime = runtime
        self.replies = replies
        self.reencodeOversize = reencodeOversize
        self.shrinker = shrinker
    }

    /// Posts the files. A 413 (or error 40005) means the channel's real limit is lower than assumed:
    /// the files are planned again under a lower limit, so they are re-encoded or named, never lost.
    func deliver(
        _ result: ExtractionResult, job: Job, context: DiscordReplyContext, control: JobControl
    ) async throws -> JobOutcome {
        var limit = context.uploadLimit
        var refusedByDiscord = false
        while true {
            do {
                return try await send(
                    result, job: job, context: context, limit: limit, refused: refusedByDiscord,
                    control: control)
            } catch let error as DiscordRESTError where error.isPayloadTooLarge && !refusedByDiscord {
                let largest = result.files.map(\.size).max() ?? limit
                limit = min(limit, Self.discordDefaultLimit, largest - 1)
                refusedByDiscord = true
                runtime.logger.warning(
                    "job \(job.id): Discord refused the upload as too large; planning again")
            }
        }
    }

    /// Discord's upload limit without server boosts.
    private static let discordDefaultLimit: Int64 = 10 * 1_048_576

    /// The first batch replaces the reply's text, further batches are new messages. Files over `limit`
    /// are re-encoded when they are videos (and allowed), else named in the message.
    private func send(
        _ result: ExtractionResult, job: Job, context: DiscordReplyContext, limit: Int64, refused: Bool,
        control: JobControl
    )
        async throws -> JobOutcome
    {
        let spoiler = context.spoiler || result.metadata.isNSFW
        var uploads = result.files.map { file in
            UploadFile(name: (spoiler ? "SPOILER_" : "") + file.name, path: file.path, size: file.size)
        }
        var notes: [String] = []
        let planner = UploadPlanner(uploadLimit: limit)
        for file in planner.plan(uploads).oversize {
            let index = uploads.firstIndex(of: file)!
            let size = ProgressText.megabytes(UInt64(file.size))
            let name = Markdown.code(file.name)
            // The type the sink detected from the bytes, not the name, decides what ffmpeg may re-encode.
            if result.files[index].type.isVideo,
                let smaller = await shrink(file, limit: limit, control: control)
            {
                uploads[index] = smaller
                notes.append("ℹ️ \(name) (\(size)) was re-encoded to fit this channel's upload limit.")
            } else if refused {
                notes.append("⚠️ Discord refused \(name) (\(size)) as too large for this channel.")
            } else {
                let most = ProgressText.megabytes(UInt64(limit))
                notes.append(
                    "⚠️ \(name) (\(size)) is over this channel's \(most) upload limit, so it was not sent."
                )
            }
        }
        let batches = planner.plan(uploads).batches
        let header = DeliveryCaption.text(result.metadata, url: job.url, notes: notes)
        guard let first = batches.first else {
            try await replies.edit(context.target, "❌ #\(job.id) \(header)")
            return .failed(category: .limit, message: "Every file is over the upload limit.")
        }
        try await replies.edit(context.target, header, files: first)
        for (index, batch) in batches.enumerated().dropFirst() {
            _ = try await replies.post(
                near: context.target, replyTo: nil, "(\(index + 1)/\(batches.count))", files: batch,
                nonce: "j\(job.id)b\(index)")
        }
        runtime.logger.info(
            "job \(job.id) delivered \(uploads.count) file(s) in \(batches.count) message(s)",
            metadata: ["plugin": "\(result.pluginID)"])
        return .delivered
    }

    private func shrink(_ file: UploadFile, limit: Int64, control: JobControl) async -> UploadFile? {
        guard reencodeOversize else { return nil }
        let (shrinker, quota) = (self.shrinker, runtime.quota)
        let path = await DedicatedThread.run(name: "ffmpeg-shrink") {
            shrinker.shrink(file.path, toFit: limit, quota: quota) { control.isCancelled }
        }
        guard let path, let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64
        else {
            return nil
        }
        let name = (file.name as NSString).deletingPathExtension + ".mp4"
        return UploadFile(name: name, path: path, size: size)
    }

    /// Why an upload failed, for the user.
    static func userText(_ error: any Error) -> String {
        if let rest = error as? DiscordRESTError, rest.isPayloadTooLarge {
            return "they are over Discord's upload limit."
        }
        return "Discord did not accept them; try again later."
    }
}
