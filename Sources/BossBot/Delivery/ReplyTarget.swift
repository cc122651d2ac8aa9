import BossCore
import BossDiscord
import Foundation

/// The message a job reports into: edited with progress, and finally carrying the files.
public enum ReplyTarget: Codable, Sendable, Equatable {
    /// The bot's reply to a prefix command: a channel message.
    case message(channel: Snowflake, message: Snowflake)
    /// A slash command's answer (`followup` nil: the original response).
    case interaction(application: Snowflake, token: String, followup: Snowflake?)
}
