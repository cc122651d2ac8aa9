/// A Discord user (the parts the bot uses).
public struct User: Codable, Sendable, Equatable {
    /// The user's ID.
    public var id: Snowflake
    /// The user name.
    public var username: String
    /// True for bot accounts, which the bot never answers.
    public var bot: Bool?

    /// Creates a user.
    public init(id: Snowflake, username: String, bot: Bool? = nil) {
        self.id = id
        self.username = username
        self.bot = bot
    }
}

/// A guild member's roles, as sent with messages and interactions.
public struct GuildMember: Codable, Sendable, Equatable {
    /// Role IDs.
    public var roles: [Snowflake]
    /// The user (present in interactions, absent in MESSAGE_CREATE).
    public var user: User?
}

/// A message as MESSAGE_CREATE delivers it.
public struct Message: Codable, Sendable, Equatable {
    /// The message's ID.
    public var id: Snowflake
    /// Where it was posted.
    public var channelId: Snowflake
    /// Nil in DMs.
    public var guildId: Snowflake?
    /// Who wrote it.
    public var author: User
    /// Its text (empty without the Message Content intent).
    public var content: String
    /// The author's roles in the guild.
    public var member: GuildMember?
    /// Users it mentions.
    public var mentions: [User]?
}

/// A message the bot created or edited, as the REST API returns it.
public struct PostedMessage: Codable, Sendable, Equatable {
    /// The message's ID.
    public var id: Snowflake
    /// Its channel.
    public var channelId: Snowflake
    /// Its text.
    public var content: String
    /// Its attachments.
    public var attachments: [PostedAttachment]?
}

/// An attachment of a posted message.
public struct PostedAttachment: Codable, Sendable, Equatable {
    /// The file's name.
    public var filename: String
    /// Its size in bytes.
    public var size: Int
    /// The CDN URL.
    public var url: String
}
