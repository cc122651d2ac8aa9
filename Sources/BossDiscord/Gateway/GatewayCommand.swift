/// An outgoing payload.
struct GatewayCommand<Payload: Encodable>: Encodable {
    var op: GatewayOpcode
    var d: Payload
}
