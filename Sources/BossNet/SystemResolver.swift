import Glibc

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
