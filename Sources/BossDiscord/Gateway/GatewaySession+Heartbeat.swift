import BossNet
import Foundation

extension GatewaySession {
    /// First beat after `interval × random(0..1)` (so a fleet does not beat in step), then every
    /// `interval`. A beat finding the previous one unacknowledged means a zombie connection.
    func startHeartbeat(every interval: Duration, on connection: WebSocketConnection) {
        heartbeat?.cancel()
        heartbeatAcked = true
        heartbeat = Task { [weak self] in
            var wait = interval * Double.random(in: 0..<1)
            while !Task.isCancelled {
                try? await Task.sleep(for: wait)
                guard !Task.isCancelled, let self else { return }
                await self.heartbeatDue(on: connection)
                wait = interval
            }
        }
    }

    private func heartbeatDue(on connection: WebSocketConnection) {
        guard socket === connection else { return }
        guard heartbeatAcked else {
            logger.warning("gateway: no heartbeat ACK since the last beat (zombie connection); resuming")
            heartbeat?.cancel()
            closeAndReconnect(connection, action: .resume, reason: "heartbeat not acknowledged")
            return
        }
        sendHeartbeat(on: connection)
    }

    func sendHeartbeat(on connection: WebSocketConnection) {
        heartbeatAcked = false
        heartbeatSentAt = .now
        send(GatewayCommand(op: .heartbeat, d: sequence), on: connection, isHeartbeat: true)
    }

    /// RESUME when a session exists, otherwise IDENTIFY, spaced and counted against the daily budget
    /// (`run()` does not connect without a session once the budget is spent).
    func identifyOrResume(on connection: WebSocketConnection) async throws {
        if let session {
            let resume = ResumePayload(token: configuration.token, sessionId: session.id, seq: sequence)
            send(GatewayCommand(op: .resume, d: resume), on: connection)
            return
        }
        if let last = lastIdentify {
            let next = last + configuration.identifySpacing
            if next > .now { try await Task.sleep(until: next) }
        }
        identifiesLeft -= 1
        lastIdentify = .now
        sequence = nil
        let shard = configuration.shard
        let identify = IdentifyPayload(
            token: configuration.token, intents: configuration.intents.rawValue,
            shard: [shard.id, shard.count])
        send(GatewayCommand(op: .identify, d: identify), on: connection)
    }

    /// Sends a payload within Discord's limits: at most 4096 bytes, 120 per 60 s (heartbeats always go:
    /// the other payloads leave room for them).
    func send(
        _ command: GatewayCommand<some Encodable>, on connection: WebSocketConnection,
        isHeartbeat: Bool = false
    ) {
        guard let data = try? encoder.encode(command), data.count <= 4096 else {
            logger.error("gateway: refused to send an oversized or unencodable op \(command.op.rawValue)")
            return
        }
        guard sendLimiter.admit(at: .now, isHeartbeat: isHeartbeat) else {
            logger.warning("gateway: outgoing limit reached; dropped op \(command.op.rawValue)")
            return
        }
        connection.send(text: String(decoding: data, as: UTF8.self))
    }
}

/// Discord closes a connection that sends more than 120 payloads per 60 s. Heartbeats are always
/// admitted; other payloads stop at 110 so the heartbeats never push the total over.
struct GatewaySendLimiter {
    var window: Duration = .seconds(60)
    var limit = 110
    private var sent: [ContinuousClock.Instant] = []

    mutating func admit(at now: ContinuousClock.Instant, isHeartbeat: Bool) -> Bool {
        sent.removeAll { now - $0 >= window }
        guard isHeartbeat || sent.count < limit else { return false }
        sent.append(now)
        return true
    }
}
