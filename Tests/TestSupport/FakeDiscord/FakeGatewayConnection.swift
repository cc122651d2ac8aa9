import Synchronization

/// One accepted gateway connection. The test (or the fake's session logic) queues actions; the
/// WebSocket handler performs them in order.
public final class FakeGatewayConnection: Sendable {
    enum Action: Sendable {
        case send(String)
        case close(UInt16)
        case drop
    }
    /// Position among the gateway's connections.
    public let index: Int
    let actions: AsyncStream<Action>
    private let continuation: AsyncStream<Action>.Continuation
    private let live = Atomic<Bool>(false)

    init(index: Int) {
        self.index = index
        (actions, continuation) = AsyncStream.makeStream(of: Action.self)
    }

    /// Identified or resumed, and not closed since.
    var isLive: Bool {
        get { live.load(ordering: .acquiring) }
        set { live.store(newValue, ordering: .releasing) }
    }

    /// Sends a raw JSON payload (compressed, like every payload).
    public func send(_ json: String) { continuation.yield(.send(json)) }
    /// Closes with a close frame carrying `code`.
    public func close(code: UInt16) {
        isLive = false
        continuation.yield(.close(code))
    }
    /// Drops the TCP connection without a close frame.
    public func drop() {
        isLive = false
        continuation.yield(.drop)
    }
}
