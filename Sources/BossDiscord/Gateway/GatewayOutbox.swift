import BossNet
import Foundation
import Logging

/// The way out to Discord on the current connection: payloads sent within Discord's limits (at most
/// 4096 bytes, 120 per 60 s), and closes we make ourselves with what is to follow them.
struct GatewayOutbox {
    private let encoder = DiscordJSON.encoder()
    private let logger: Logger
    private var limiter = GatewaySendLimiter()
    private var socket: WebSocketConnection?
    /// Set when we close the connection ourselves: what to do next, and after how long.
    private(set) var planned: (action: GatewayCloseAction, delay: Duration?)?
    private var shuttingDown = false

    init(logger: Logger) { self.logger = logger }

    /// Starts connecting to `url`; it becomes the current connection, with nothing planned for it yet.
    /// Nil when it cannot start (logged) or after `shutDown()`.
    mutating func open(url: String) -> WebSocketConnection? {
        socket = nil
        planned = nil
        guard !shuttingDown else { return nil }
        do {
            socket = try WebSocketConnection(url: url, logger: logger)
        } catch {
            logger.error("gateway: \(error)")
        }
        return socket
    }

    /// The connection ended.
    mutating func detach() { socket = nil }

    /// Whether `connection` is still the current one (a late heartbeat may belong to an old one).
    func isCurrent(_ connection: WebSocketConnection) -> Bool { socket === connection }

    /// Sends `command`; a payload over the size or rate limit is dropped and logged (heartbeats always
    /// go: the other payloads leave room for them).
    mutating func send(
        _ command: GatewayCommand<some Encodable>, on connection: WebSocketConnection,
        isHeartbeat: Bool = false
    ) {
        guard let data = try? encoder.encode(command), data.count <= 4096 else {
            logger.error("gateway: refused to send an oversized or unencodable op \(command.op.rawValue)")
            return
        }
        guard limiter.admit(at: .now, isHeartbeat: isHeartbeat) else {
            logger.warning("gateway: outgoing limit reached; dropped op \(command.op.rawValue)")
            return
        }
        connection.send(text: String(decoding: data, as: UTF8.self))
    }

    /// Closes with a code that keeps the session resumable (not 1000/1001) and plans what follows.
    mutating func closeAndReconnect(
        _ connection: WebSocketConnection, action: GatewayCloseAction, reason: String, delay: Duration? = nil
    ) {
        planned = (action, delay)
        connection.close(code: 4000, reason: reason)
    }

    /// Closes the current connection with a resumable code, and opens no other.
    mutating func shutDown() {
        shuttingDown = true
        socket?.close(code: 4000, reason: "shutting down")
    }
}
