/// An INTERACTION_CREATE (the parts slash commands need).
public struct Interaction: Codable, Sendable, Equatable {
    /// The interaction's ID (for the callback URL).
    public var id: Snowflake
    /// The bot's application.
    public var applicationId: Snowflake
    /// 2 = application command; other types are ignored.
    public var type: Int
    /// The command and its options.
    public var data: CommandData?
    /// Nil in DMs.
    public var guildId: Snowflake?
    /// Where it was used.
    public var channelId: Snowflake?
    /// The member (in guilds), with its user.
    public var member: GuildMember?
    /// The user (in DMs).
    public var user: User?
    /// Valid for 15 minutes: answers and follow-ups.
    public var token: String
    /// The largest attachment the bot may upload here, in bytes (raised by server boosts).
    public var attachmentSizeLimit: Int?

    /// The invoking user, in guilds and DMs.
    public var invoker: User? { member?.user ?? user }

    /// A slash command's name and options.
    public struct CommandData: Codable, Sendable, Equatable {
        /// The command's name.
        public var name: String
        /// Its options.
        public var options: [Option]?
    }

    /// One option; the bot's options are all strings.
    public struct Option: Codable, Sendable, Equatable {
        /// The option's name.
        public var name: String
        /// Its value.
        public var value: String?
    }
}
