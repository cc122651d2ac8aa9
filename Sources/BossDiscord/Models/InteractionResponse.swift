/// The first answer to an interaction (`POST /interactions/{id}/{token}/callback`), due within 3 s.
public struct InteractionResponse: Encodable, Sendable, Equatable {
    /// How the interaction is answered (discord-api-docs: Interaction Callback Type).
    public enum Kind: Int, Encodable, Sendable {
        /// Answers a ping.
        case pong = 1
        /// A message now.
        case channelMessageWithSource = 4
        /// "Thinking…" now; the message comes later by editing the original response.
        case deferredChannelMessageWithSource = 5
    }

    /// The answer's kind.
    public var type: Kind

    /// Creates a response.
    public init(type: Kind) { self.type = type }

    /// A deferred answer: the bot edits the original response within 15 minutes.
    public static let deferredMessage = InteractionResponse(type: .deferredChannelMessageWithSource)
}
