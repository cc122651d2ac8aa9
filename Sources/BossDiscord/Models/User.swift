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
