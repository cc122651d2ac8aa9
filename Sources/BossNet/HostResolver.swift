import Glibc

/// Turns a host name into the addresses to connect to. The network guard checks every address a
/// resolver returns, and connections go to those checked addresses, never to a second answer.
public protocol HostResolver: Sendable {
    /// The addresses of `host` (a name or an IP literal), in the order to try them.
    func addresses(of host: String) throws(HTTPError) -> [IPAddress]
}

/// The system's resolver (`getaddrinfo`: /etc/hosts, then DNS).
public struct SystemResolver: HostResolver {
    /// The system resolver.
    public init() {}

    /// Resolves `host`; an IP literal is returned as it is.
    public func addresses(of host: String) throws(HTTPError) -> [IPAddress] {
        if let literal = IPAddress(host) { return [literal] }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, nil, &hints, &list)
        guard code == 0, let list else {
            throw .unresolvableHost(host: host, reason: String(cString: gai_strerror(code)))
        }
        defer { freeaddrinfo(list) }
        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = list
        while let entry = cursor?.pointee {
            if let address = entry.ai_addr, let parsed = IPAddress(socketAddress: address) {
                if !addresses.contains(parsed) { addresses.append(parsed) }
            }
            cursor = entry.ai_next
        }
        guard !addresses.isEmpty else { throw .unresolvableHost(host: host, reason: "no addresses") }
        return addresses
    }
}

extension IPAddress {
    /// The address of an `AF_INET` or `AF_INET6` socket address; nil for other families.
    init?(socketAddress address: UnsafePointer<sockaddr>) {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            var v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            self.init(bytes: withUnsafeBytes(of: &v4) { Array($0) })
        case AF_INET6:
            var v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
            self.init(bytes: withUnsafeBytes(of: &v6) { Array($0) })
        default: return nil
        }
    }
}
