/// The IPv4 addresses an IPv6 address carries and that traffic to it can end up at, so the SSRF
/// guard classifies the IPv6 address by them.
enum EmbeddedIPv4 {
    /// The embedded IPv4 addresses (4 bytes each) of the 16 bytes `v6`; empty for a plain IPv6 address.
    ///
    /// - IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d` (deprecated, but some stacks still
    ///   route it) and NAT64 `64:ff9b::a.b.c.d`: the last 4 bytes.
    /// - 6to4 `2002:AABB:CCDD::/48` (RFC 3056): a relay sends the packet to `AA.BB.CC.DD`, bytes 2…5.
    /// - Teredo `2001:0::/32` (RFC 4380): both the server (bytes 4…7) and the client (the last 4 bytes,
    ///   each XOR 0xFF). The packet goes to the client, but the qualification bubble goes to the server,
    ///   and a host may pick either as a relay: both must be public for the address to be public.
    static func addresses(in v6: [UInt8]) -> [[UInt8]] {
        guard v6.count == 16 else { return [] }
        let head = v6.prefix(12)
        let last = Array(v6.suffix(4))
        if head.elementsEqual([UInt8](repeating: 0, count: 10) + [0xFF, 0xFF]) { return [last] }
        if head.allSatisfy({ $0 == 0 }) && last != [0, 0, 0, 0] && last != [0, 0, 0, 1] { return [last] }
        if head.elementsEqual([0x00, 0x64, 0xFF, 0x9B] + [UInt8](repeating: 0, count: 8)) { return [last] }
        if v6[0] == 0x20 && v6[1] == 0x02 { return [Array(v6[2..<6])] }
        if v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0 && v6[3] == 0 {
            return [last.map { $0 ^ 0xFF }, Array(v6[4..<8])]
        }
        return []
    }
}
