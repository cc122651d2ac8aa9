import BossNet
import Foundation

/// How one connection ended.
struct ConnectionEnd {
    var action: GatewayCloseAction
    var code: UInt16?
    /// A session was established on it (resets the backoff).
    var healthy: Bool
}

extension GatewaySession {
    /// Runs one WebSocket connection from connect to close.
    func runConnection(url: String) async -> ConnectionEnd {
        let connection: WebSocketConnection
        do {
            connection = try WebSocketConnection(url: url, logger: logger)
        } catch {
            logger.error("gateway: \(error)")
            return ConnectionEnd(action: .resume, code: nil, healthy: false)
        }
        socket = connection
        established = false
        plannedAction = nil
        let inflater = ZlibStreamInflater()
        var healthy = false
        defer {
            heartbeat?.cancel()
            heartbeat = nil
            socket = nil
            established = false
        }
        for await event in connection.events {
            switch event {
            case .connected:
                logger.debug("gateway: connected to \(url)")
            case .message(let bytes, let isBinary):
                do {
                    guard let payload = isBinary ? try inflater.feed(bytes) : bytes else { continue }
                    try await handle(payload, on: connection)
                    healthy = healthy || established
                } catch {
                    logger.error("gateway: undecodable payload (\(error)); reconnecting")
                    closeAndReconnect(connection, action: .resume, reason: "undecodable payload")
                }
            case .closed(let closure):
                let action = plannedAction ?? GatewayCloseAction.forCode(closure.code)
                logger.notice("gateway: connection closed, \(closure)")
                return ConnectionEnd(action: action, code: closure.code, healthy: healthy)
            }
        }
        return ConnectionEnd(action: plannedAction ?? .resume, code: nil, healthy: healthy)
    }

    /// Closes with a code that keeps the session resumable (not 1000/1001) and plans what follows.
    func closeAndReconnect(
        _ connection: WebSocketConnection, action: GatewayCloseAction, reason: String, delay: Duration? = nil
    ) {
        plannedAction = action
        plannedDelay = delay
        connection.close(code: 4000, reason: reason)
    }

    private func handle(_ payload: [UInt8], on connection: WebSocketConnection) async throws {
        let data = Data(payload)
        let envelope = try decoder.decode(GatewayEnvelope.self, from: data)
        switch GatewayOpcode(rawValue: envelope.op) {
        case .hello:
            let hello = try decoder.decode(GatewayData<HelloPayload>.self, from: data).d
            startHeartbeat(every: .milliseconds(hello.heartbeatInterval), on: connection)
            try await identifyOrResume(on: connection)
        case .heartbeatAck:
            heartbeatAcked = true
            if let sent = heartbeatSentAt { latency = ContinuousClock.now - sent }
        case .heartbeat:
            sendHeartbeat(on: connection)
        case .reconnect:
            logger.info("gateway: Discord asked for a reconnect (op 7)")
            closeAndReconnect(connection, action: .resume, reason: "reconnect requested")
        case .invalidSession:
            let resumable = (try? decoder.decode(GatewayData<Bool>.self, from: data).d) ?? false
            logger.notice("gateway: invalid session (resumable: \(resumable))")
            let wait = Double.random(in: configuration.invalidSessionWait)
            closeAndReconnect(
                connection, action: resumable ? .resume : .reidentify, reason: "invalid session",
                delay: .milliseconds(Int(wait * 1000)))
        case .dispatch:
            guard let sequenceNumber = envelope.s else { return }
            // A RESUME replays what we missed; anything at or below our sequence was handled already.
            if let sequence, sequenceNumber <= sequence { return }
            sequence = sequenceNumber
            do {
                try dispatch(name: envelope.t ?? "", data: data)
            } catch {
                // One malformed event is skipped; the session and the other events go on.
                logger.warning("gateway: skipped an undecodable \(envelope.t ?? "?") event: \(error)")
            }
        default:
            logger.debug("gateway: ignored opcode \(envelope.op)")
        }
    }
}
