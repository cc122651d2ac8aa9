/// The payload that opens a connection: RESUME of a known session, or IDENTIFY of a new one.
enum GatewayOpening: Encodable {
    /// Resume a dropped session; Discord replays what was missed.
    case resume(ResumePayload)
    /// Start a new session (counted against the daily budget).
    case identify(IdentifyPayload)

    /// The opcode it is sent with.
    var opcode: GatewayOpcode {
        switch self {
        case .resume: .resume
        case .identify: .identify
        }
    }

    /// Encodes as the payload itself (the `d` of its command).
    func encode(to encoder: any Encoder) throws {
        switch self {
        case .resume(let payload): try payload.encode(to: encoder)
        case .identify(let payload): try payload.encode(to: encoder)
        }
    }
}
