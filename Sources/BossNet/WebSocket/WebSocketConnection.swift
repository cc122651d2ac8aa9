import Logging

/// One client WebSocket connection, served by libwebsockets on a thread of its own (lws is
/// single-threaded). Other threads talk to it through this thread-safe API: `send` and `close` queue
/// work and wake the loop with `lws_cancel_service`; everything that happens arrives on `events`.
public final class WebSocketConnection: Sendable {
    /// Events in order; ends after `.closed`.
    public let events: AsyncStream<WebSocketEvent>
    private let loop: WebSocketLoop

    /// Starts connecting to a `ws://` or `wss://` URL. Messages larger than `maxMessageBytes` close the
    /// connection with 1009 (message too big).
    public init(url: String, maxMessageBytes: Int = 16 << 20, logger: Logger) throws(WebSocketError) {
        let endpoint = try WebSocketEndpoint(url)
        let (stream, continuation) = AsyncStream.makeStream(of: WebSocketEvent.self)
        events = stream
        loop = WebSocketLoop(
            endpoint: endpoint, continuation: continuation, maxMessageBytes: maxMessageBytes, logger: logger)
        try loop.start(url: url)
    }

    /// Queues a text message; sent in order once the connection is open.
    public func send(text: String) { loop.enqueue(Array(text.utf8)) }

    /// Closes with `code` (use a 4xxx code or 1012 to keep a Discord session resumable; 1000 ends it).
    /// `.closed` follows on `events`.
    public func close(code: UInt16, reason: String = "") { loop.requestClose(code: code, reason: reason) }

    deinit { loop.requestClose(code: 1001, reason: "going away") }
}
