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
