/// One option of an application command.
public struct ApplicationCommandOption: Encodable, Sendable, Equatable {
    /// The option's value type (discord-api-docs: Application Command Option Type).
    public enum Kind: Int, Encodable, Sendable {
        /// Text.
        case string = 3
        /// True or false.
        case boolean = 5
    }

    /// A fixed value users pick from.
    public struct Choice: Encodable, Sendable, Equatable {
        /// Shown to users.
        public var name: String
        /// Sent to the bot.
        public var value: String

        /// Creates a choice.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The value's type.
    public var type: Kind
    /// The option's name.
    public var name: String
    /// Shown in the command picker.
    public var description: String
    /// Whether users must give it.
    public var required: Bool
    /// The values to pick from (nil: any).
    public var choices: [Choice]?

    /// Creates an option (a required string unless said otherwise).
    public init(
        type: Kind = .string, name: String, description: String, required: Bool = true,
        choices: [Choice]? = nil
    ) {
        self.type = type
        self.name = name
        self.description = description
        self.required = required
        self.choices = choices
    }
}
