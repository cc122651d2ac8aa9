import Foundation

/// libFuzzer entry for the gateway payload decoder: any bytes as one (inflated) gateway message, read
/// as the gateway does (`GatewayMessage`: the envelope, then the data its opcode calls for), then the
/// event a dispatch's name calls for.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGatewayPayload(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let decoder = DiscordJSON.decoder()
    guard case .dispatch(_, let name, let payload) = try? GatewayMessage(bytes, decoder: decoder) else {
        return 0
    }
    switch name {
    case "READY": _ = try? decoder.decode(GatewayData<ReadyEvent>.self, from: payload)
    case "MESSAGE_CREATE": _ = try? decoder.decode(GatewayData<Message>.self, from: payload)
    case "INTERACTION_CREATE": _ = try? decoder.decode(GatewayData<Interaction>.self, from: payload)
    default: break
    }
    return 0
}
