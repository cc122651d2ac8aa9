import BossNet
import Foundation
import Logging

/// The gateway protocol on a session's WebSocket connections, one at a time: IDENTIFY or RESUME,
/// heartbeats, Discord's requests, events dispatched in order. What outlives a connection (handshake,
/// send budget, latency) stays here; `GatewaySession` decides when to connect again.
actor GatewayLink {
    private let logger: Logger
    private let invalidSessionWait: ClosedRange<Double>
    private let decoder = DiscordJSON.decoder()
    private let dispatcher: GatewayDispatcher
    private var handshake: GatewayHandshake
    private var heartbeat = GatewayHeartbeat()
    private var outbox: GatewayOutbox
    private var established = false

    init(configuration: GatewayConfiguration, sink: AsyncStream<GatewayEvent>.Continuation, logger: Logger) {
        self.logger = logger
        invalidSessionWait = configuration.invalidSessionWait
        dispatcher = GatewayDispatcher(sink: sink, shardID: configuration.shard.id, logger: logger)
        handshake = GatewayHandshake(configuration: configuration)
        outbox = GatewayOutbox(logger: logger)
    }

    var latency: Duration? { heartbeat.latency }
    var isEstablished: Bool { established }
    func saved() -> SavedSession? { handshake.saved() }

    /// Closes the current connection with a resumable code; no new one is opened.
    func stop() { outbox.shutDown() }

    /// Runs one connection from connect to close. Refuses (throws) to IDENTIFY over the daily budget.
    func connect(gatewayURL: String) async throws(GatewayError) -> GatewayConnectionEnd {
        if await handshake.isBudgetExhausted() { throw .identifyBudgetExhausted }
        let url = handshake.connectURL(default: gatewayURL)
        guard let connection = outbox.open(url: url) else { return end(action: .resume, code: nil, false) }
        let inflater = ZlibStreamInflater()
        var healthy = false
        defer {
            heartbeat.stop()
            outbox.detach()
            established = false
        }
        for await event in connection.events {
            switch event {
            case .connected: logger.debug("gateway: connected to \(url)")
            case .message(let bytes, let isBinary):
                do {
                    guard let payload = isBinary ? try inflater.feed(bytes) : bytes else { continue }
                    try await handle(GatewayMessage(payload, decoder: decoder), on: connection)
                    healthy = healthy || established
                } catch {
                    logger.error("gateway: undecodable payload (\(error)); reconnecting")
                    outbox.closeAndReconnect(connection, action: .resume, reason: "undecodable payload")
                }
            case .closed(let closure):
                logger.notice("gateway: connection closed, \(closure)")
                return end(
                    action: outbox.planned?.action ?? .forCode(closure.code), code: closure.code, healthy)
            }
        }
        return end(action: outbox.planned?.action ?? .resume, code: nil, healthy)
    }

    /// How the connection ended; a session that cannot be resumed is forgotten.
    private func end(action: GatewayCloseAction, code: UInt16?, _ healthy: Bool) -> GatewayConnectionEnd {
        if action == .reidentify { handshake.forgetSession() }
        return GatewayConnectionEnd(
            action: action, code: code, healthy: healthy, delay: outbox.planned?.delay,
            resumes: handshake.isResuming)
    }

    private func handle(_ message: GatewayMessage, on connection: WebSocketConnection) async throws {
        switch message {
        case .hello(let interval):
            heartbeat.start(every: interval) { [weak self] in await self?.heartbeatDue(on: connection) }
            guard try await handshake.waitForTurn() else {
                return outbox.closeAndReconnect(
                    connection, action: .reidentify, reason: "IDENTIFY budget used up")
            }
            let opening = handshake.open()
            outbox.send(GatewayCommand(op: opening.opcode, d: opening), on: connection)
        case .heartbeatAck: heartbeat.acknowledge()
        case .heartbeatRequest: sendHeartbeat(on: connection)
        case .reconnect:
            logger.info("gateway: Discord asked for a reconnect (op 7)")
            outbox.closeAndReconnect(connection, action: .resume, reason: "reconnect requested")
        case .invalidSession(let resumable):
            logger.notice("gateway: invalid session (resumable: \(resumable))")
            let wait = Double.random(in: invalidSessionWait)
            outbox.closeAndReconnect(
                connection, action: resumable ? .resume : .reidentify, reason: "invalid session",
                delay: .milliseconds(Int(wait * 1000)))
        case .dispatch(let sequence, let name, let data):
            if dispatcher.dispatch(sequence: sequence, name: name, data: data, handshake: &handshake) {
                established = true
            }
        case .other(let opcode): logger.debug("gateway: ignored opcode \(opcode)")
        }
    }

    /// A beat finding the previous one unacknowledged means a zombie connection: close and resume.
    private func heartbeatDue(on connection: WebSocketConnection) {
        guard outbox.isCurrent(connection) else { return }
        guard heartbeat.isAcknowledged else {
            logger.warning("gateway: no heartbeat ACK since the last beat (zombie connection); resuming")
            heartbeat.stop()
            outbox.closeAndReconnect(connection, action: .resume, reason: "heartbeat not acknowledged")
            return
        }
        sendHeartbeat(on: connection)
    }

    private func sendHeartbeat(on connection: WebSocketConnection) {
        heartbeat.sent()
        outbox.send(GatewayCommand(op: .heartbeat, d: handshake.sequence), on: connection, isHeartbeat: true)
    }
}
