/// An application (slash) command as `PUT /applications/{id}/commands` registers it.
public struct ApplicationCommand: Encodable, Sendable, Equatable {
    /// What kind of command (discord-api-docs: Application Command Types).
    public enum Kind: Int, Encodable, Sendable {
        /// A slash command typed in the chat.
        case chatInput = 1
    }

    /// The name users type after `/`.
    public var name: String
    /// Shown in the command picker.
    public var description: String
    /// Always a slash command here.
    public var type = Kind.chatInput
    /// Its options, in order.
    public var options: [ApplicationCommandOption]?
    /// A permission bit set as a decimal string; "0" hides the command from members without
    /// Administrator until the server says otherwise.
    public var defaultMemberPermissions: String?

    /// Creates a command.
    public init(
        name: String, description: String, options: [ApplicationCommandOption]? = nil,
        defaultMemberPermissions: String? = nil
    ) {
        self.name = name
        self.description = description
        self.options = options
        self.defaultMemberPermissions = defaultMemberPermissions
    }
}
