struct ResumePayload: Encodable {
    var token: String
    var sessionId: String
    var seq: Int?
}
