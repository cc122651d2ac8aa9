/// What a `WebSocketConnection` reports, in order: `connected` once, any number of `message`s, then
/// `closed` exactly once (also when the connection never opened), after which the stream ends.
public enum WebSocketEvent: Sendable, Equatable {
    /// The opening handshake completed.
    case connected
    /// A complete message (fragments reassembled).
    case message(bytes: [UInt8], isBinary: Bool)
    /// The connection is gone.
    case closed(WebSocketClosure)
}
