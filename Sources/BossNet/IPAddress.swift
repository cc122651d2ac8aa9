import Glibc

/// An IPv4 or IPv6 address, classified by the ranges IANA sets aside.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// 4 or 16 bytes, network order.
    public let bytes: [UInt8]

    /// Parses the canonical numeric forms (as getaddrinfo returns them); nil for anything else.
    public init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The numeric text form.
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var copy = bytes
        inet_ntop(bytes.count == 4 ? AF_INET : AF_INET6, &copy, &buffer, socklen_t(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init), as: UTF8.self)
    }

    /// The range the address falls in. IPv6 forms that embed IPv4 addresses (mapped, compatible,
    /// NAT64, 6to4, Teredo: see `EmbeddedIPv4`) are classified by them: the first one that is not
    /// public decides, since traffic to the IPv6 address can reach it.
    public var range: AddressRange {
        if bytes.count == 4 { return Self.classify(v4: bytes) }
        let embedded = EmbeddedIPv4.addresses(in: bytes)
        if embedded.isEmpty { return Self.classify(v6: bytes) }
        return embedded.lazy.map(Self.classify(v4:)).first { $0 != .public } ?? .public
    }

    private static func classify(v4 b: [UInt8]) -> AddressRange {
        let (first, second, third) = (b[0], b[1], b[2])
        if first == 0 { return .unspecified }
        if first == 127 { return .loopback }
        if first == 10 || (first == 172 && (16...31).contains(second)) || (first == 192 && second == 168) {
            return .privateNetwork
        }
        if first == 169 && second == 254 { return .linkLocal }
        if first == 100 && (64...127).contains(second) { return .sharedAddressSpace }
        if (224...239).contains(first) { return .multicast }
        // 240/4 and broadcast, IETF 192.0.0/24, TEST-NETs 1-3, benchmarking 198.18/15.
        if first >= 240 || (first == 192 && second == 0 && (third == 0 || third == 2))
            || (first == 198 && (second == 18 || second == 19))
            || (first == 198 && second == 51 && third == 100)
            || (first == 203 && second == 0 && third == 113)
        {
            return .reserved
        }
        return .public
    }

    private static func classify(v6 b: [UInt8]) -> AddressRange {
        if b.allSatisfy({ $0 == 0 }) { return .unspecified }
        if b.prefix(15).allSatisfy({ $0 == 0 }) && b[15] == 1 { return .loopback }
        if b[0] == 0xFF { return .multicast }
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return .linkLocal }
        if b[0] == 0xFE && b[1] & 0xC0 == 0xC0 { return .privateNetwork }  // site-local, deprecated
        if b[0] & 0xFE == 0xFC { return .privateNetwork }  // unique local fc00::/7
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return .reserved }  // documentation
        if b[0] & 0xE0 != 0x20 { return .reserved }  // outside global unicast 2000::/3
        return .public
    }
}
