/// An INTERACTION_CREATE (the parts slash commands need).
public struct Interaction: Codable, Sendable, Equatable {
    /// The interaction's ID (for the callback URL).
    public var id: Snowflake
    /// The bot's application.
    public var applicationId: Snowflake
    /// What it is; the bot answers application commands only.
    public var type: InteractionType
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

        /// Creates command data.
        public init(name: String, options: [Option]?) {
            self.name = name
            self.options = options
        }
    }

    /// One option; its value as text (a boolean option's `true` is "true").
    public struct Option: Codable, Sendable, Equatable {
        /// The option's name.
        public var name: String
        /// Its value.
        public var value: String?

        /// Creates an option.
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }

        /// Reads a string, boolean or number value as text.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            if let text = try? container.decodeIfPresent(String.self, forKey: .value) {
                value = text
            } else if let flag = try? container.decodeIfPresent(Bool.self, forKey: .value) {
                value = flag ? "true" : "false"
            } else {
                value = try container.decodeIfPresent(Double.self, forKey: .value).map { String($0) }
            }
        }
    }
}
