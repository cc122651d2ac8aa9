/// The envelope of every gateway payload, without its data.
struct GatewayEnvelope: Decodable {
    var op: Int
    var s: Int?
    var t: String?
}
