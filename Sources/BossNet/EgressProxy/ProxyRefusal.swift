/// Why the proxy answered a request with an error instead of connecting it; each maps to the status
/// a client understands.
enum ProxyRefusal: Error, Equatable {
    /// Not a request the proxy serves (400).
    case badRequest(String)
    /// No credentials, or not those of an open job (407).
    case authenticationRequired
    /// The job the credentials belong to has ended, or spent its byte budget (403).
    case jobClosed
    /// The target resolves to an address the network policy refuses (403).
    case blockedAddress(host: String, address: String, range: AddressRange)
    /// The target's name does not resolve (502).
    case unresolvable(host: String)
    /// No checked address of the target accepted the connection (502).
    case connectFailed(host: String, reason: String)
    /// Too many connections are open at once (503).
    case busy

    /// The HTTP response sent to the client before the connection is closed.
    var response: String {
        let (status, text) = statusLine
        let challenge =
            self == .authenticationRequired ? "Proxy-Authenticate: Basic realm=\"boss-host egress\"\r\n" : ""
        let body = reason + "\n"
        return "HTTP/1.1 \(status) \(text)\r\n\(challenge)Content-Type: text/plain\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }

    private var statusLine: (Int, String) {
        switch self {
        case .badRequest: (400, "Bad Request")
        case .authenticationRequired: (407, "Proxy Authentication Required")
        case .jobClosed, .blockedAddress: (403, "Forbidden")
        case .unresolvable, .connectFailed: (502, "Bad Gateway")
        case .busy: (503, "Service Unavailable")
        }
    }

    /// One line for the client (a child's error output) and the operator's log.
    var reason: String {
        switch self {
        case .badRequest(let why): "bad proxy request: \(why)"
        case .authenticationRequired: "proxy credentials missing or unknown"
        case .jobClosed: "the job this connection belongs to has ended or used its byte budget"
        case .blockedAddress(let host, let address, let range):
            "refused \(host): resolves to \(address), a \(range.rawValue) address"
        case .unresolvable(let host): "cannot resolve \(host)"
        case .connectFailed(let host, let why): "cannot connect to \(host): \(why)"
        case .busy: "too many proxy connections at once"
        }
    }
}
