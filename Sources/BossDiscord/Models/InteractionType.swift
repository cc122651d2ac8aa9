/// What an interaction is (discord-api-docs: Interaction Type). Types this client does not know decode
/// as `other`, so a new one is ignored rather than making the whole event undecodable.
public enum InteractionType: Sendable, Equatable, Codable {
    /// Discord checking the endpoint (HTTP interactions only).
    case ping
    /// A slash command.
    case applicationCommand
    /// A button or select menu.
    case messageComponent
    /// Autocompletion of an option.
    case autocomplete
    /// A modal's submission.
    case modalSubmit
    /// A type this client does not know.
    case other(Int)

    /// The type for Discord's number.
    public init(rawValue: Int) {
        switch rawValue {
        case 1: self = .ping
        case 2: self = .applicationCommand
        case 3: self = .messageComponent
        case 4: self = .autocomplete
        case 5: self = .modalSubmit
        default: self = .other(rawValue)
        }
    }

    /// Discord's number.
    public var rawValue: Int {
        switch self {
        case .ping: 1
        case .applicationCommand: 2
        case .messageComponent: 3
        case .autocomplete: 4
        case .modalSubmit: 5
        case .other(let value): value
        }
    }

    /// Decodes Discord's number.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(Int.self))
    }

    /// Encodes as Discord's number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
