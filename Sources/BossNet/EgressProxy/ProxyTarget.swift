/// Where a proxy request wants to go: the host and port to connect to, and for plain http the
/// request line to send there (origin-form: the path and query only).
struct ProxyTarget: Equatable {
    var host: String
    var port: Int
    /// nil for a CONNECT tunnel; the origin-form target for a forwarded http request.
    var path: String?

    /// The target of `head`; refuses anything but CONNECT and absolute-form `http://` requests.
    init(_ head: ProxyRequestHead) throws(ProxyRefusal) {
        if head.method.uppercased() == "CONNECT" {
            (host, port) = try Self.authority(head.target, defaultPort: nil)
            path = nil
            return
        }
        guard head.target.lowercased().hasPrefix("http://") else {
            throw .badRequest("only CONNECT and absolute http:// requests are proxied")
        }
        let rest = head.target.dropFirst("http://".count)
        let slash = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        (host, port) = try Self.authority(String(rest[..<slash]), defaultPort: 80)
        let remainder = String(rest[slash...])
        path = remainder.hasPrefix("/") ? remainder : "/" + remainder
    }

    /// `host:port`, `[v6]:port`, or (with a default port) a bare host; credentials in it are refused.
    private static func authority(_ text: String, defaultPort: Int?) throws(ProxyRefusal) -> (String, Int) {
        guard !text.isEmpty, !text.contains("@") else { throw .badRequest("malformed target \(text)") }
        var host = Substring(text)
        var portText: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw .badRequest("malformed target \(text)") }
            let after = host[host.index(after: close)...]
            portText = after.hasPrefix(":") ? after.dropFirst() : nil
            guard after.isEmpty || portText != nil else { throw .badRequest("malformed target \(text)") }
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":") {
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        let port = portText.map { Int($0) } ?? defaultPort
        guard let port, (1...65535).contains(port), !host.isEmpty else {
            throw .badRequest("malformed target \(text)")
        }
        return (host.lowercased(), port)
    }
}
