import CWebSockets
import Foundation

/// A connection's state on the loop thread, where lws calls back: the connection, the message being
/// reassembled, how it closed. Everything here runs on that thread alone (or, before the thread
/// starts, on the thread that connects), hence unchecked `Sendable`; other threads reach the loop
/// through the `WebSocketOutbox`.
final class WebSocketCallbackHandler: @unchecked Sendable {
    private let continuation: AsyncStream<WebSocketEvent>.Continuation
    private let maxMessageBytes: Int
    private let outbox: WebSocketOutbox
    private var wsi: OpaquePointer?
    private var incoming: [UInt8] = []
    private var closure: WebSocketClosure?
    /// `.closed` was reported: the service loop stops.
    private(set) var isFinished = false

    init(
        continuation: AsyncStream<WebSocketEvent>.Continuation, maxMessageBytes: Int, outbox: WebSocketOutbox
    ) {
        self.continuation = continuation
        self.maxMessageBytes = maxMessageBytes
        self.outbox = outbox
    }

    /// The connection attempt `boss_lws_connect` returned. False when it failed without reporting
    /// (a failure it reported has already finished the connection).
    func connecting(_ wsi: OpaquePointer?) -> Bool {
        self.wsi = wsi
        return wsi != nil || isFinished
    }

    /// Handles one lws callback; non-zero closes the connection.
    func handle(
        _ wsi: OpaquePointer, _ reason: lws_callback_reasons, _ input: UnsafeRawBufferPointer?
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_CLIENT_ESTABLISHED:
            continuation.yield(.connected)
            lws_callback_on_writable(wsi)
        case LWS_CALLBACK_CLIENT_RECEIVE:
            return receive(wsi, input)
        case LWS_CALLBACK_CLIENT_WRITEABLE:
            return writeNext(wsi)
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            wake()
        case LWS_CALLBACK_WS_PEER_INITIATED_CLOSE:
            closure = Self.peerClosure(input)
        case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
            let text = input.flatMap { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
            finish(
                WebSocketClosure(
                    code: nil, reason: text.map { "connection failed: \($0)" } ?? "connection failed"))
        case LWS_CALLBACK_CLIENT_CLOSED:
            let requested = outbox.closeRequest
            finish(WebSocketClosure(code: requested?.code, reason: requested?.reason ?? "connection lost"))
        default:
            break
        }
        return 0
    }

    /// Runs on the loop thread after another thread queued work.
    private func wake() {
        if let wsi {
            lws_callback_on_writable(wsi)
        } else if outbox.closeRequest != nil {
            finish(WebSocketClosure(code: nil, reason: "closed before the connection opened"))
        }
    }

    private func receive(_ wsi: OpaquePointer, _ input: UnsafeRawBufferPointer?) -> Int32 {
        if let input { incoming.append(contentsOf: input) }
        guard incoming.count <= maxMessageBytes else {
            boss_lws_close_reason(wsi, 1009, "message too big")
            closure = WebSocketClosure(code: 1009, reason: "message over \(maxMessageBytes) bytes")
            return -1
        }
        guard lws_is_final_fragment(wsi) != 0, lws_remaining_packet_payload(wsi) == 0 else { return 0 }
        continuation.yield(.message(bytes: incoming, isBinary: lws_frame_is_binary(wsi) != 0))
        incoming.removeAll(keepingCapacity: incoming.count <= 1 << 20)
        return 0
    }

    /// One `lws_write` per WRITEABLE callback, as lws requires; asks for another while work remains.
    private func writeNext(_ wsi: OpaquePointer) -> Int32 {
        let (next, close, more) = outbox.next()
        if let (code, reason) = close {
            boss_lws_close_reason(wsi, code, reason)
            return -1
        }
        guard let next else { return 0 }
        var frame = [UInt8](repeating: 0, count: boss_lws_pre + next.count)
        frame.replaceSubrange(boss_lws_pre..., with: next)
        let written = frame.withUnsafeMutableBufferPointer { buffer in
            lws_write(wsi, buffer.baseAddress! + boss_lws_pre, next.count, LWS_WRITE_TEXT)
        }
        guard written >= 0 else { return -1 }
        if more { lws_callback_on_writable(wsi) }
        return 0
    }

    /// Reports the end once; the service loop then stops.
    private func finish(_ closure: WebSocketClosure) {
        guard !isFinished else { return }
        isFinished = true
        wsi = nil
        continuation.yield(.closed(self.closure ?? closure))
        continuation.finish()
    }

    /// A close frame's payload: a big-endian code, then a UTF-8 reason.
    private static func peerClosure(_ input: UnsafeRawBufferPointer?) -> WebSocketClosure {
        guard let input, input.count >= 2 else { return WebSocketClosure(code: 1005, reason: "") }
        let code = UInt16(input[0]) << 8 | UInt16(input[1])
        return WebSocketClosure(code: code, reason: String(decoding: input.dropFirst(2), as: UTF8.self))
    }
}
