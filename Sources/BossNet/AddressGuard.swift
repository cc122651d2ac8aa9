import Foundation
import Logging

/// The SSRF guard: resolves each hop's host and refuses it when any address is not public, then pins
/// the connection to the address it checked so a second DNS answer cannot swap it (no rebinding).
struct AddressGuard {
    let policy: NetworkPolicy
    let logger: Logger

    /// The `CURLOPT_RESOLVE` entry pinning `url`'s host, or nil when the hop is exempt or the host is
    /// an IP literal (nothing to resolve). Throws when the hop is refused.
    func check(_ url: CurlURL) throws(HTTPError) -> String? {
        let origin = HTTPOrigin(url: url.text)
        if policy.allowPrivateNetworks || origin.map(policy.trustedOrigins.contains) == true { return nil }
        let addresses = try resolve(url.host)
        for address in addresses where address.range != .public {
            logger.warning(
                "security: refused request to a \(address.range.rawValue) address",
                metadata: ["security_event": "ssrf_refused", "host": "\(url.host)", "address": "\(address)"])
            throw .blockedAddress(host: url.host, address: address.description, range: address.range)
        }
        guard IPAddress(url.host) == nil, let first = addresses.first else { return nil }
        let pinned = first.bytes.count == 16 ? "[\(first)]" : first.description
        return "\(url.host):\(url.port):\(pinned)"
    }

    private func resolve(_ host: String) throws(HTTPError) -> [IPAddress] {
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
            if let address = entry.ai_addr {
                if entry.ai_family == AF_INET {
                    var v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        $0.pointee.sin_addr
                    }
                    addresses.append(IPAddress(bytes: withUnsafeBytes(of: &v4) { Array($0) }))
                } else if entry.ai_family == AF_INET6 {
                    var v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        $0.pointee.sin6_addr
                    }
                    addresses.append(IPAddress(bytes: withUnsafeBytes(of: &v6) { Array($0) }))
                }
            }
            cursor = entry.ai_next
        }
        guard !addresses.isEmpty else { throw .unresolvableHost(host: host, reason: "no addresses") }
        return addresses
    }
}
