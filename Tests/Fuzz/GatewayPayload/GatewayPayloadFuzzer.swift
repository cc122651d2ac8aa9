import Foundation

/// libFuzzer entry for the gateway payload decoder: any bytes as one (inflated) gateway message, decoded
/// as GatewaySession does: the envelope first, then the data the opcode and event name call for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGatewayPayload(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let payload = data.map { Data(bytes: $0, count: size) } ?? Data()
    let decoder = DiscordJSON.decoder()
    guard let envelope = try? decoder.decode(GatewayEnvelope.self, from: payload) else { return 0 }
    switch GatewayOpcode(rawValue: envelope.op) {
    case .hello: _ = try? decoder.decode(GatewayData<HelloPayload>.self, from: payload)
    case .invalidSession: _ = try? decoder.decode(GatewayData<Bool>.self, from: payload)
    case .dispatch:
        switch envelope.t {
        case "READY": _ = try? decoder.decode(GatewayData<ReadyEvent>.self, from: payload)
        case "MESSAGE_CREATE": _ = try? decoder.decode(GatewayData<Message>.self, from: payload)
        case "INTERACTION_CREATE": _ = try? decoder.decode(GatewayData<Interaction>.self, from: payload)
        default: break
        }
    default: break
    }
    return 0
}
