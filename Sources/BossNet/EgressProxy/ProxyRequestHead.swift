/// The head of a request a client sent to the proxy: `CONNECT host:port` (a tunnel, for https) or an
/// absolute-form request `GET http://host/path` (plain http, forwarded).
struct ProxyRequestHead {
    var method: String
    var target: String
    var headers: [(name: String, value: String)]

    /// Heads are small; a client sending more before the blank line is not a proxy client.
    static let maximumSize = 32 * 1024

    /// Reads a head from `stream`; the bytes that followed it (a request body, or a TLS hello sent
    /// early) are returned too, to be forwarded first.
    static func read(from stream: TCPStream) throws(ProxyRefusal) -> (ProxyRequestHead, rest: [UInt8]) {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let end = received.firstRange(of: [13, 10, 13, 10]) {
                let head = try parse(String(decoding: received[..<end.lowerBound], as: UTF8.self))
                return (head, Array(received[end.upperBound...]))
            }
            guard received.count < maximumSize else { throw .badRequest("request head over 32 KiB") }
            let count = chunk.withUnsafeMutableBytes { stream.read(into: $0) }
            guard count > 0 else { throw .badRequest("the connection ended inside the request head") }
            received += chunk[..<count]
        }
    }

    static func parse(_ text: String) throws(ProxyRefusal) -> ProxyRequestHead {
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else {
            throw .badRequest("not an HTTP/1.x request line")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw .badRequest("malformed header line") }
            let value = line[line.index(after: colon)...].trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            headers.append((String(line[..<colon]), String(value)))
        }
        return ProxyRequestHead(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
    }

    /// The first value of header `name` (case-insensitive).
    func value(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
