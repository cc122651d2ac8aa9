struct HelloPayload: Decodable {
    var heartbeatInterval: Int
}
