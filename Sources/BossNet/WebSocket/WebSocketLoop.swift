import CWebSockets
import Foundation
import Logging

/// The libwebsockets side of a `WebSocketConnection`: one lws context with one connection, serviced on
/// a dedicated thread. The callbacks run on that thread and reach the `WebSocketCallbackHandler`; other
/// threads go through the `WebSocketOutbox`.
final class WebSocketLoop: @unchecked Sendable {
    private let endpoint: WebSocketEndpoint
    private let logger: Logger
    private let outbox = WebSocketOutbox()
    private let handler: WebSocketCallbackHandler
    /// The protocol table lws keeps a pointer to: it lives as long as this object.
    private let protocols: UnsafeMutablePointer<lws_protocols>
    private static let protocolName = "boss-websocket"

    init(
        endpoint: WebSocketEndpoint, continuation: AsyncStream<WebSocketEvent>.Continuation,
        maxMessageBytes: Int, logger: Logger
    ) {
        self.endpoint = endpoint
        self.logger = logger
        handler = WebSocketCallbackHandler(
            continuation: continuation, maxMessageBytes: maxMessageBytes, outbox: outbox)
        protocols = .allocate(capacity: 2)
        protocols.initialize(repeating: lws_protocols(), count: 2)
        protocols[0].name = UnsafePointer(strdup(Self.protocolName))
        protocols[0].callback = webSocketCallback
    }

    deinit {
        free(UnsafeMutableRawPointer(mutating: protocols[0].name))
        protocols.deinitialize(count: 2)
        protocols.deallocate()
    }

    /// Creates the context, starts the connection attempt, then hands both to the service thread.
    func start(url: String) throws(WebSocketError) {
        WebSocketLog.install(logger)
        let unmanaged = Unmanaged.passRetained(handler)  // released when the service thread ends
        guard
            let context = boss_lws_create_client_context(
                protocols, unmanaged.toOpaque(), endpoint.usesTLS ? 1 : 0)
        else {
            unmanaged.release()
            throw .contextFailed
        }
        let wsi = boss_lws_connect(
            context, endpoint.host, Int32(endpoint.port), endpoint.path, endpoint.usesTLS ? 1 : 0,
            Self.protocolName, unmanaged.toOpaque())
        guard handler.connecting(wsi) else {
            lws_context_destroy(context)
            unmanaged.release()
            throw .connectFailed(url: url)
        }
        // From here on the context belongs to the service thread; others only wake it (under the lock).
        let handle = WebSocketOutbox.ContextHandle(pointer: context)
        outbox.attach(handle)
        // The thread keeps this loop (and so the protocol table) alive until the context is gone.
        let thread = Thread { [self] in
            while !handler.isFinished { lws_service(handle.pointer, 0) }
            outbox.detach()
            lws_context_destroy(handle.pointer)
            unmanaged.release()
        }
        thread.name = "websocket \(endpoint.host)"
        thread.start()
    }

    /// Queues a message; the loop sends it once the connection is open.
    func enqueue(_ message: [UInt8]) { outbox.enqueue(message) }

    /// Asks the loop to close with `code`.
    func requestClose(code: UInt16, reason: String) { outbox.requestClose(code: code, reason: reason) }
}

/// The one lws callback. It captures nothing (C calling convention) and finds its handler through the
/// context's user pointer: one context serves one connection.
func webSocketCallback(
    _ wsi: OpaquePointer?, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
    _ input: UnsafeMutableRawPointer?, _ length: Int
) -> Int32 {
    guard let wsi, let handlerPointer = lws_context_user(lws_get_context(wsi)) else { return 0 }
    let handler = Unmanaged<WebSocketCallbackHandler>.fromOpaque(handlerPointer).takeUnretainedValue()
    return handler.handle(wsi, reason, input.map { UnsafeRawBufferPointer(start: $0, count: length) })
}
