import BossDiscord
import Foundation

/// Finds a command in a message: after the prefix (`$dl ...`) or after a mention of the bot
/// (`@Boss dl ...`). Anything else is not for the bot.
public struct CommandParser: Sendable {
    /// The configured prefix.
    public var prefix: String
    /// The bot's user ID, once READY told it.
    public var botUserID: Snowflake?

    /// Creates a parser.
    public init(prefix: String, botUserID: Snowflake?) {
        self.prefix = prefix
        self.botUserID = botUserID
    }

    /// The command in `content`, or nil when the message is not addressed to the bot.
    public func parse(_ content: String) -> ParsedCommand? {
        let text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        let rest: Substring
        if !prefix.isEmpty && text.hasPrefix(prefix) {
            rest = text.dropFirst(prefix.count)
            // "$ 5" is conversation, not a command: the name follows the prefix directly.
            guard let first = rest.first, !first.isWhitespace else { return nil }
        } else if let mention = mentionPrefix(of: text) {
            rest = text.dropFirst(mention.count)
        } else {
            return nil
        }
        let words = rest.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let name = words.first else { return ParsedCommand(name: "help", arguments: []) }
        return ParsedCommand(name: name.lowercased(), arguments: Array(words.dropFirst()))
    }

    private func mentionPrefix(of text: String) -> String? {
        guard let botUserID else { return nil }
        return ["<@\(botUserID)>", "<@!\(botUserID)>"].first { text.hasPrefix($0) }
    }
}
