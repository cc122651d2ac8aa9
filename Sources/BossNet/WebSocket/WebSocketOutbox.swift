import CWebSockets
import Synchronization

/// What other threads ask of a connection's loop (messages to send, a close) under one lock, each
/// request waking the loop with `lws_cancel_service`, the one lws call allowed from any thread.
final class WebSocketOutbox: Sendable {
    private struct Pending {
        var messages: [[UInt8]] = []
        var closeRequest: (code: UInt16, reason: String)?
        /// Cleared (under the lock) before the context is destroyed, so no thread wakes a dead context.
        var context: ContextHandle?
    }

    /// The lws context, shared only to be woken.
    struct ContextHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let pending = Mutex(Pending())

    /// From now on requests wake `context`.
    func attach(_ context: ContextHandle) { pending.withLock { $0.context = context } }

    /// The context is about to be destroyed: wake it no more.
    func detach() { pending.withLock { $0.context = nil } }

    /// Queues a message (sent in order once the connection is open).
    func enqueue(_ message: [UInt8]) {
        pending.withLock { pending in
            pending.messages.append(message)
            if let context = pending.context { lws_cancel_service(context.pointer) }
        }
    }

    /// Asks for a close with `code` (the first request wins).
    func requestClose(code: UInt16, reason: String) {
        pending.withLock { pending in
            guard pending.closeRequest == nil else { return }
            pending.closeRequest = (code, reason)
            if let context = pending.context { lws_cancel_service(context.pointer) }
        }
    }

    /// The close asked for, if any.
    var closeRequest: (code: UInt16, reason: String)? { pending.withLock { $0.closeRequest } }

    /// What the loop writes next: a close (which wins), or the next message and whether more wait.
    func next() -> (message: [UInt8]?, close: (code: UInt16, reason: String)?, more: Bool) {
        pending.withLock { pending in
            if let close = pending.closeRequest { return (nil, close, false) }
            guard !pending.messages.isEmpty else { return (nil, nil, false) }
            return (pending.messages.removeFirst(), nil, !pending.messages.isEmpty)
        }
    }
}
