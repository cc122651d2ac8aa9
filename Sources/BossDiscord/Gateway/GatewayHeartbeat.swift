/// The heartbeat of the current connection: the timer, whether the last beat was acknowledged, and the
/// round-trip time of the last acknowledged one (kept across connections for `ping` and the metrics).
struct GatewayHeartbeat {
    private var timer: Task<Void, Never>?
    private var acknowledged = true
    private var sentAt: ContinuousClock.Instant?
    /// Round-trip time of the last acknowledged beat.
    private(set) var latency: Duration?

    /// First `beat` after `interval × random(0..1)` (so a fleet does not beat in step), then every
    /// `interval`, until `stop()` or the next `start`.
    mutating func start(every interval: Duration, beat: @escaping @Sendable () async -> Void) {
        timer?.cancel()
        acknowledged = true
        timer = Task {
            var wait = interval * Double.random(in: 0..<1)
            while !Task.isCancelled {
                try? await Task.sleep(for: wait)
                guard !Task.isCancelled else { return }
                await beat()
                wait = interval
            }
        }
    }

    /// Stops the timer (the connection ended or turned out a zombie).
    mutating func stop() {
        timer?.cancel()
        timer = nil
    }

    /// The last beat was acknowledged; a beat finding it not means a zombie connection.
    var isAcknowledged: Bool { acknowledged }

    /// A beat went out now.
    mutating func sent() {
        acknowledged = false
        sentAt = .now
    }

    /// Discord acknowledged the beat (op 11).
    mutating func acknowledge() {
        acknowledged = true
        if let sentAt { latency = ContinuousClock.now - sentAt }
    }
}
