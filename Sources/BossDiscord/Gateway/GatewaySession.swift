import BossNet
import Foundation
import Logging

/// One shard's gateway session over libwebsockets: HELLO, heartbeats, IDENTIFY/RESUME, reconnects with
/// backoff, and the events the bot consumes. `run()` returns only after `stop()` or a fatal close.
///
/// The session decides when to connect again; its `GatewayLink` speaks the protocol on each connection.
public actor GatewaySession {
    /// Events in order, each delivered once (replays after a RESUME are dropped by sequence number).
    public nonisolated let events: AsyncStream<GatewayEvent>
    private let eventSink: AsyncStream<GatewayEvent>.Continuation
    private let link: GatewayLink
    private let gatewayURL: String
    private let backoff: ReconnectBackoff
    private let logger: Logger
    private var stopped = false

    /// Reconnections since start.
    public private(set) var reconnects = 0

    /// Round-trip time of the last acknowledged heartbeat.
    public var latency: Duration? {
        get async { await link.latency }
    }

    /// Whether a session is currently established.
    public var isConnected: Bool {
        get async { await link.isEstablished }
    }

    /// A session for `gatewayURL` (from `GET /gateway/bot`).
    public init(gatewayURL: String, configuration: GatewayConfiguration, logger: Logger) {
        (events, eventSink) = AsyncStream.makeStream(of: GatewayEvent.self)
        link = GatewayLink(configuration: configuration, sink: eventSink, logger: logger)
        self.gatewayURL = gatewayURL
        backoff = configuration.backoff
        self.logger = logger
    }

    /// The session to RESUME after a restart, once READY arrived.
    public func saved() async -> SavedSession? { await link.saved() }

    /// Connects and keeps the session alive until `stop()` (returns) or a fatal close (throws).
    public func run() async throws(GatewayError) {
        defer { eventSink.finish() }
        var failures = 0
        while !stopped {
            // The link refuses before connecting: an IDENTIFY over the daily budget gets the token reset.
            let end = try await link.connect(gatewayURL: gatewayURL)
            if stopped { return }
            if case .fatal(let message) = end.action {
                logger.critical("gateway: \(message)")
                throw .fatal(code: end.code ?? 0, message: message)
            }
            failures = end.healthy ? 0 : failures + 1
            let delay = end.delay ?? backoff.delay(attempt: failures)
            reconnects += 1
            logger.info("gateway: reconnecting in \(delay) (\(end.resumes ? "resume" : "identify"))")
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
    public func stop() async {
        stopped = true
        await link.stop()
    }
}
