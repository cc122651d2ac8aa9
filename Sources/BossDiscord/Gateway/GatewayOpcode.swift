import Foundation

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

/// The envelope of every gateway payload, without its data.
struct GatewayEnvelope: Decodable {
    var op: Int
    var s: Int?
    var t: String?
}

/// The envelope with typed data, for decoding `d` once the opcode and event name are known.
struct GatewayData<Payload: Decodable>: Decodable {
    var d: Payload
}

/// An outgoing payload.
struct GatewayCommand<Payload: Encodable>: Encodable {
    var op: GatewayOpcode
    var d: Payload
}

struct HelloPayload: Decodable {
    var heartbeatInterval: Int
}

struct IdentifyPayload: Encodable {
    struct Properties: Encodable {
        var os = "linux"
        var browser = "boss-bot"
        var device = "boss-bot"
    }
    var token: String
    var intents: Int
    var properties = Properties()
    var shard: [Int]
    var largeThreshold = 50
}

struct ResumePayload: Encodable {
    var token: String
    var sessionId: String
    var seq: Int?
}
