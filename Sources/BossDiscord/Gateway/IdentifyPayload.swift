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
