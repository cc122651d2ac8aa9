import Foundation

/// What a `WebSocketConnection` reports, in order: `connected` once, any number of `message`s, then
/// `closed` exactly once (also when the connection never opened), after which the stream ends.
public enum WebSocketEvent: Sendable, Equatable {
    /// The opening handshake completed.
    case connected
    /// A complete message (fragments reassembled).
    case message(bytes: [UInt8], isBinary: Bool)
    /// The connection is gone.
    case closed(WebSocketClosure)
}

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

/// Where to connect, taken apart for libwebsockets.
struct WebSocketEndpoint: Sendable, Equatable {
    var host: String
    var port: Int
    /// Path and query, e.g. `/?v=10&encoding=json`.
    var path: String
    var usesTLS: Bool

    init(_ url: String) throws(WebSocketError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "ws" || scheme == "wss", let host = components.host, !host.isEmpty
        else { throw .invalidURL(url) }
        self.host = host
        usesTLS = scheme == "wss"
        port = components.port ?? (usesTLS ? 443 : 80)
        let base = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        path = components.percentEncodedQuery.map { base + "?" + $0 } ?? base
    }
}
