/// Why a connection could not be started.
public enum WebSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a ws:// or wss:// URL with a host.
    case invalidURL(String)
    /// libwebsockets refused to create a context (e.g. TLS could not be initialised).
    case contextFailed
    /// libwebsockets refused to start the connection attempt.
    case connectFailed(url: String)

    /// A sentence for the operator's log.
    public var description: String {
        switch self {
        case .invalidURL(let url): "not a WebSocket URL: \(url)"
        case .contextFailed: "libwebsockets could not create a context"
        case .connectFailed(let url): "libwebsockets could not start connecting to \(url)"
        }
    }
}
