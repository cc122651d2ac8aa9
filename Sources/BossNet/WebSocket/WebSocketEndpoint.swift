import Foundation

/// Where to connect, taken apart for libwebsockets.
struct WebSocketEndpoint: Sendable, Equatable {
    var host: String
    var port: Int
    /// Path and query, e.g. `/?v=10&encoding=json`.
    var path: String
    var usesTLS: Bool

    init(_ url: String) throws(WebSocketError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "ws" || scheme == "wss", let host = components.encodedHost, !host.isEmpty
        else { throw .invalidURL(url) }
        self.host = host
        usesTLS = scheme == "wss"
        port = components.port ?? (usesTLS ? 443 : 80)
        let base = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        path = components.percentEncodedQuery.map { base + "?" + $0 } ?? base
    }
}
