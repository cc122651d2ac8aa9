import CWebSockets
import Foundation
import Logging
import Synchronization

/// The libwebsockets side of a `WebSocketConnection`: one lws context with one connection, serviced on
/// a dedicated thread. Fields under "loop thread only" are touched by lws callbacks alone, which all run
/// on that thread; other threads use `shared`, under its lock.
final class WebSocketLoop: @unchecked Sendable {
    struct Shared {
        var outbox: [[UInt8]] = []
        var closeRequest: (code: UInt16, reason: String)?
        /// Cleared (under the lock) before the context is destroyed, so no thread wakes a dead context.
        var context: ContextHandle?
    }
    /// The lws context, shared only to be woken with `lws_cancel_service`, which lws allows from any thread.
    struct ContextHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }
    let shared = Mutex(Shared())
    let endpoint: WebSocketEndpoint
    let continuation: AsyncStream<WebSocketEvent>.Continuation
    let maxMessageBytes: Int
    let logger: Logger
    /// The protocol table lws keeps a pointer to: it lives as long as this object.
    private let protocols: UnsafeMutablePointer<lws_protocols>
    static let protocolName = "boss-websocket"

    // Loop thread only.
    var wsi: OpaquePointer?
    var incoming: [UInt8] = []
    var closure: WebSocketClosure?
    var finished = false

    init(
        endpoint: WebSocketEndpoint, continuation: AsyncStream<WebSocketEvent>.Continuation,
        maxMessageBytes: Int, logger: Logger
    ) {
        self.endpoint = endpoint
        self.continuation = continuation
        self.maxMessageBytes = maxMessageBytes
        self.logger = logger
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
        let unmanaged = Unmanaged.passRetained(self)  // released when the service thread ends
        guard
            let context = boss_lws_create_client_context(
                protocols, unmanaged.toOpaque(), endpoint.usesTLS ? 1 : 0)
        else {
            unmanaged.release()
            throw .contextFailed
        }
        wsi = boss_lws_connect(
            context, endpoint.host, Int32(endpoint.port), endpoint.path, endpoint.usesTLS ? 1 : 0,
            Self.protocolName, unmanaged.toOpaque())
        guard wsi != nil || finished else {
            lws_context_destroy(context)
            unmanaged.release()
            throw .connectFailed(url: url)
        }
        // From here on the pointer belongs to the service thread; others only wake it (under the lock).
        let handle = ContextHandle(pointer: context)
        shared.withLock { $0.context = handle }
        let thread = Thread { [self] in
            while !finished { lws_service(handle.pointer, 0) }
            shared.withLock { $0.context = nil }
            lws_context_destroy(handle.pointer)
            unmanaged.release()
        }
        thread.name = "websocket \(endpoint.host)"
        thread.start()
    }

    func enqueue(_ message: [UInt8]) {
        shared.withLock { shared in
            shared.outbox.append(message)
            if let context = shared.context { lws_cancel_service(context.pointer) }
        }
    }

    func requestClose(code: UInt16, reason: String) {
        shared.withLock { shared in
            guard shared.closeRequest == nil else { return }
            shared.closeRequest = (code, reason)
            if let context = shared.context { lws_cancel_service(context.pointer) }
        }
    }

    /// Reports the end once; the service loop then stops.
    func finish(_ closure: WebSocketClosure) {
        guard !finished else { return }
        finished = true
        wsi = nil
        continuation.yield(.closed(self.closure ?? closure))
        continuation.finish()
    }
}
