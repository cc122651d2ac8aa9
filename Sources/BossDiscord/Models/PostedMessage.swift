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
