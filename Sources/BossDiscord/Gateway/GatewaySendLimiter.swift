/// Discord closes a connection that sends more than 120 payloads per 60 s. Heartbeats are always
/// admitted; other payloads stop at 110 so the heartbeats never push the total over.
struct GatewaySendLimiter {
    private let window: Duration = .seconds(60)
    private let limit = 110
    private var sent: [ContinuousClock.Instant] = []

    /// Whether a payload may go at `now`; counts it when it may.
    mutating func admit(at now: ContinuousClock.Instant, isHeartbeat: Bool) -> Bool {
        sent.removeAll { now - $0 >= window }
        guard isHeartbeat || sent.count < limit else { return false }
        sent.append(now)
        return true
    }
}
