/// The envelope with typed data, for decoding `d` once the opcode and event name are known.
struct GatewayData<Payload: Decodable>: Decodable {
    var d: Payload
}
