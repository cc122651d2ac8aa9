import BossNet
import Foundation
import Logging

/// One shard's gateway session over libwebsockets: HELLO, heartbeats, IDENTIFY/RESUME, reconnects with
/// backoff, and the events the bot consumes. `run()` returns only after `stop()` or a fatal close.
public actor GatewaySession {
    /// Events in order, each delivered once (replays after a RESUME are dropped by sequence number).
    public nonisolated let events: AsyncStream<GatewayEvent>
    let eventSink: AsyncStream<GatewayEvent>.Continuation
    let gatewayURL: String
    let configuration: GatewayConfiguration
    let logger: Logger
    let decoder = DiscordJSON.decoder()
    let encoder = DiscordJSON.encoder()

    /// The resumable session, once READY arrived.
    var session: (id: String, resumeURL: String)?
    /// Who the bot is, from READY or from the saved session.
    var identity: (user: Snowflake, application: Snowflake)?
    var sequence: Int?
    var socket: WebSocketConnection?
    /// Set when we close the connection ourselves: what to do next.
    var plannedAction: GatewayCloseAction?
    var plannedDelay: Duration?
    var established = false
    var heartbeat: Task<Void, Never>?
    var heartbeatAcked = true
    var heartbeatSentAt: ContinuousClock.Instant?
    var lastIdentify: ContinuousClock.Instant?
    var identifiesLeft: Int
    var sendLimiter = GatewaySendLimiter()
    var stopped = false

    /// Round-trip time of the last acknowledged heartbeat.
    public internal(set) var latency: Duration?
    /// Reconnections since start.
    public internal(set) var reconnects = 0
    /// Whether a session is currently established.
    public var isConnected: Bool { established }

    /// A session for `gatewayURL` (from `GET /gateway/bot`).
    public init(gatewayURL: String, configuration: GatewayConfiguration, logger: Logger) {
        (events, eventSink) = AsyncStream.makeStream(of: GatewayEvent.self)
        self.gatewayURL = gatewayURL
        self.configuration = configuration
        self.logger = logger
        identifiesLeft = configuration.identifyBudget
        if let saved = configuration.resume {
            session = (saved.sessionID, saved.resumeURL)
            sequence = saved.sequence
            identity = (saved.userID, saved.applicationID)
        }
    }

    /// The session to RESUME after a restart, once READY arrived.
    public func saved() -> SavedSession? {
        guard let session, let identity else { return nil }
        return SavedSession(
            sessionID: session.id, resumeURL: session.resumeURL, sequence: sequence, userID: identity.user,
            applicationID: identity.application)
    }

    /// Connects and keeps the session alive until `stop()` (returns) or a fatal close (throws).
    public func run() async throws(GatewayError) {
        defer { eventSink.finish() }
        var failures = 0
        while !stopped {
            // Checked before connecting: an IDENTIFY over the daily budget gets the token reset.
            if identifiesLeft <= 0 && session == nil { throw .identifyBudgetExhausted }
            let base = session?.resumeURL ?? gatewayURL
            let end = await runConnection(url: Self.connectURL(base))
            if stopped { return }
            switch end.action {
            case .fatal(let message):
                logger.critical("gateway: \(message)")
                throw .fatal(code: end.code ?? 0, message: message)
            case .reidentify: session = nil
            case .resume: break
            }
            failures = end.healthy ? 0 : failures + 1
            let delay = plannedDelay ?? configuration.backoff.delay(attempt: failures)
            plannedDelay = nil
            reconnects += 1
            logger.info("gateway: reconnecting in \(delay) (\(session == nil ? "identify" : "resume"))")
            await sleep(delay)
        }
    }

    /// Waits `delay`, or less when `stop()` comes first.
    private func sleep(_ delay: Duration) async {
        let end = ContinuousClock.now + delay
        while !stopped && ContinuousClock.now < end {
            try? await Task.sleep(for: min(.milliseconds(100), end - .now))
        }
    }

    /// Closes the connection with a resumable code and ends `run()`.
    public func stop() {
        stopped = true
        socket?.close(code: 4000, reason: "shutting down")
    }

    /// The URL with the query Discord expects.
    static func connectURL(_ base: String) -> String {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed + "/?v=10&encoding=json&compress=zlib-stream"
    }
}
