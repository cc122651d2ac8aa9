import BossDiscord
import Foundation

/// The message a job reports into: edited with progress, and finally carrying the files.
public enum ReplyTarget: Codable, Sendable, Equatable {
    /// The bot's reply to a prefix command: a channel message.
    case message(channel: Snowflake, message: Snowflake)
    /// A slash command's answer (`followup` nil: the original response).
    case interaction(application: Snowflake, token: String, followup: Snowflake?)
}

/// What a Discord job carries in the queue.
public struct DiscordJobContext: Codable, Sendable, Equatable {
    /// Where to report.
    public var target: ReplyTarget
    /// The channel the command came from.
    public var channel: Snowflake
    /// The user wrapped the link in spoiler bars.
    public var spoiler: Bool
    /// The largest attachment this channel accepts.
    public var uploadLimit: Int64

    /// Creates a context.
    public init(target: ReplyTarget, channel: Snowflake, spoiler: Bool, uploadLimit: Int64) {
        self.target = target
        self.channel = channel
        self.spoiler = spoiler
        self.uploadLimit = uploadLimit
    }

    /// The JSON stored in the queue.
    public var encoded: String {
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data(), as: UTF8.self)
    }

    /// Reads a stored context; nil when it is not one (a bug or a foreign row).
    public static func decode(_ text: String) -> DiscordJobContext? {
        try? JSONDecoder().decode(DiscordJobContext.self, from: Data(text.utf8))
    }
}
