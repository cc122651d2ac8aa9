import BossCore
import BossDiscord

/// What a Discord job carries in the queue.
public struct DiscordReplyContext: ReplyContext, Sendable, Equatable {
    /// Where to report.
    public var target: ReplyTarget
    /// The user wrapped the link in spoiler bars.
    public var spoiler: Bool
    /// The largest attachment this channel accepts.
    public var uploadLimit: Int64
    /// The server it was asked in; nil in a DM (and in jobs stored before servers were recorded).
    /// `queue` lists a job only in its own server.
    public var guild: Snowflake?
    /// `--audio` and `--quality` (nil in jobs stored before options existed).
    public var options: JobOptions?

    /// Creates a context.
    public init(
        target: ReplyTarget, spoiler: Bool, uploadLimit: Int64, guild: Snowflake?, options: JobOptions? = nil
    ) {
        self.target = target
        self.spoiler = spoiler
        self.uploadLimit = uploadLimit
        self.guild = guild
        self.options = options
    }

    /// How the job's link shows in its reply: suppressed (`<...>`, no embed), and behind spoiler bars
    /// when the user posted it so.
    public func shown(_ url: String) -> String { Self.shown(url, spoiler: spoiler) }

    /// `<url>`, or `||<url>||` for a spoilered link.
    public static func shown(_ url: String, spoiler: Bool) -> String {
        spoiler ? "||\(Markdown.link(url))||" : Markdown.link(url)
    }

    /// The options plugins see: the requester's, with this channel's upload limit as `max_bytes`.
    public var jobOptions: JobOptions {
        var options = self.options ?? JobOptions()
        options.maxBytes = uploadLimit
        return options
    }
}
