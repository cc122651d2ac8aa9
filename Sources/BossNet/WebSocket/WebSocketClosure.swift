/// Why a connection ended.
public struct WebSocketClosure: Sendable, Equatable, CustomStringConvertible {
    /// The close code the peer sent (or we sent); nil when the connection failed or dropped without one.
    public var code: UInt16?
    /// The peer's close reason or the transport error, for logs.
    public var reason: String

    /// Creates a closure.
    public init(code: UInt16?, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `code 4004 (Authentication failed.)` or the transport error.
    public var description: String {
        guard let code else { return reason.isEmpty ? "connection lost" : reason }
        return reason.isEmpty ? "code \(code)" : "code \(code) (\(reason))"
    }
}
