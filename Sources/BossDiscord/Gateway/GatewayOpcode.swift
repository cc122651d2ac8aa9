/// Gateway opcodes (discord-api-docs: Gateway Opcodes).
public enum GatewayOpcode: Int, Sendable, Codable {
    /// An event (READY, MESSAGE_CREATE...), with a sequence number.
    case dispatch = 0
    /// A heartbeat; the server may ask for one at once.
    case heartbeat = 1
    /// Starts a new session.
    case identify = 2
    /// Resumes a dropped session.
    case resume = 6
    /// The server asks us to reconnect and resume.
    case reconnect = 7
    /// The session is invalid; `d` says whether it can be resumed.
    case invalidSession = 9
    /// First message on a connection, with the heartbeat interval.
    case hello = 10
    /// Acknowledges a heartbeat.
    case heartbeatAck = 11
}
