import Foundation

/// One incoming gateway payload, read by its opcode (discord-api-docs: Gateway Opcodes).
enum GatewayMessage {
    /// First message on a connection, with the heartbeat interval.
    case hello(heartbeatInterval: Duration)
    /// Discord acknowledged our heartbeat.
    case heartbeatAck
    /// Discord asks for a heartbeat at once.
    case heartbeatRequest
    /// Discord asks us to reconnect and resume.
    case reconnect
    /// The session is invalid; it may be resumable.
    case invalidSession(resumable: Bool)
    /// An event with its sequence number and name; `data` is the whole payload, decoded once the name
    /// says what it holds.
    case dispatch(sequence: Int?, name: String?, data: Data)
    /// An opcode a client does not act on.
    case other(opcode: Int)

    /// Reads the envelope, then the data the opcode calls for. Throws when the payload is not a gateway
    /// message: the connection must then be dropped.
    init(_ payload: [UInt8], decoder: JSONDecoder) throws {
        let data = Data(payload)
        let envelope = try decoder.decode(GatewayEnvelope.self, from: data)
        switch GatewayOpcode(rawValue: envelope.op) {
        case .hello:
            let hello = try decoder.decode(GatewayData<HelloPayload>.self, from: data).d
            self = .hello(heartbeatInterval: .milliseconds(hello.heartbeatInterval))
        case .heartbeatAck: self = .heartbeatAck
        case .heartbeat: self = .heartbeatRequest
        case .reconnect: self = .reconnect
        case .invalidSession:
            self = .invalidSession(
                resumable: (try? decoder.decode(GatewayData<Bool>.self, from: data).d) ?? false)
        case .dispatch: self = .dispatch(sequence: envelope.s, name: envelope.t, data: data)
        default: self = .other(opcode: envelope.op)
        }
    }
}
