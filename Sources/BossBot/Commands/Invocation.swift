import BossDiscord

/// A command's circumstances: who, where, and how to answer.
public struct Invocation: Sendable {
    /// How the command arrived.
    public enum Origin: Sendable, Equatable {
        /// A prefix (or mention) command in a message.
        case message(id: Snowflake)
        /// A slash command, already answered with a deferred response.
        case interaction(application: Snowflake, token: String)
    }
    /// Who used it.
    public var user: Snowflake
    /// Nil in DMs.
    public var guild: Snowflake?
    /// Where.
    public var channel: Snowflake
    /// The member's roles.
    public var roles: [Snowflake]
    /// The channel's upload limit for the bot.
    public var uploadLimit: Int64
    /// How it arrived.
    public var origin: Origin

    /// Creates an invocation.
    public init(
        user: Snowflake, guild: Snowflake?, channel: Snowflake, roles: [Snowflake], uploadLimit: Int64,
        origin: Origin
    ) {
        self.user = user
        self.guild = guild
        self.channel = channel
        self.roles = roles
        self.uploadLimit = uploadLimit
        self.origin = origin
    }
}
