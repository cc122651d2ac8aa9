/// Discord permission bits, as the API documents them
/// (https://discord.com/developers/docs/topics/permissions): a bitwise set sent as a decimal string.
public struct DiscordPermissions: OptionSet, Sendable, Hashable {
    /// The bits.
    public let rawValue: UInt64

    /// Wraps raw bits.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// View Channel: see the channel and read its messages as they arrive.
    public static let viewChannel = DiscordPermissions(rawValue: 1 << 10)
    /// Send Messages.
    public static let sendMessages = DiscordPermissions(rawValue: 1 << 11)
    /// Embed Links: links in the bot's messages show previews.
    public static let embedLinks = DiscordPermissions(rawValue: 1 << 14)
    /// Attach Files: upload the downloaded media.
    public static let attachFiles = DiscordPermissions(rawValue: 1 << 15)
    /// Read Message History: reply to the command message.
    public static let readMessageHistory = DiscordPermissions(rawValue: 1 << 16)
    /// Send Messages in Threads.
    public static let sendMessagesInThreads = DiscordPermissions(rawValue: 1 << 38)

    /// Exactly what the bot needs, and nothing more.
    public static let bot: DiscordPermissions = [
        .viewChannel, .sendMessages, .sendMessagesInThreads, .attachFiles, .embedLinks, .readMessageHistory,
    ]
}
