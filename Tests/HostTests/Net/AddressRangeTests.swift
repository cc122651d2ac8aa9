import BossNet
import Testing

@Suite("Address classification for the SSRF guard")
struct AddressRangeTests {
    @Test(
        "every address lands in its range",
        arguments: [
            ("127.0.0.1", AddressRange.loopback), ("127.255.0.9", .loopback), ("::1", .loopback),
            ("10.1.2.3", .privateNetwork), ("172.16.0.1", .privateNetwork),
            ("172.31.255.255", .privateNetwork),
            ("192.168.1.1", .privateNetwork), ("fd00::1", .privateNetwork), ("fc12::1", .privateNetwork),
            ("169.254.169.254", .linkLocal), ("fe80::1", .linkLocal), ("100.64.0.1", .sharedAddressSpace),
            ("100.127.255.254", .sharedAddressSpace), ("224.0.0.1", .multicast), ("ff02::1", .multicast),
            ("0.0.0.0", .unspecified), ("::", .unspecified), ("255.255.255.255", .reserved),
            ("240.0.0.1", .reserved),
            ("192.0.2.1", .reserved), ("198.18.0.1", .reserved), ("2001:db8::1", .reserved),
            ("::ffff:127.0.0.1", .loopback), ("::ffff:10.0.0.1", .privateNetwork), ("::127.0.0.1", .loopback),
            ("64:ff9b::a9fe:a9fe", .linkLocal), ("::ffff:1.1.1.1", .public),
            ("1.1.1.1", .public), ("8.8.8.8", .public), ("172.32.0.1", .public), ("100.128.0.1", .public),
            ("2606:4700::1111", .public),
        ])
    func classify(_ text: String, _ expected: AddressRange) throws {
        let address = try #require(IPAddress(text))
        #expect(address.range == expected, "\(text)")
    }

    @Test(
        "6to4 and Teredo addresses are classified by the IPv4 addresses they embed",
        arguments: [
            // 6to4 2002:AABB:CCDD::/48 routes to the IPv4 AA.BB.CC.DD.
            ("2002:7f00:1::1", AddressRange.loopback), ("2002:a00:1::", .privateNetwork),
            ("2002:a9fe:a9fe::1", .linkLocal), ("2002:c0a8:101:1::1", .privateNetwork),
            ("2002:0808:0808::1", .public),
            // Teredo 2001:0::/32: server IPv4 in bytes 4-7, client IPv4 XOR 0xFF in bytes 12-15.
            ("2001:0:808:808:0:ffff:80ff:fffe", .loopback),  // client 127.0.0.1
            ("2001:0:808:808:8000:f227:f5ff:fefe", .privateNetwork),  // client 10.0.1.1
            ("2001:0:a9fe:a9fe:0:ffff:f7f7:f7f7", .linkLocal),  // server 169.254.169.254
            ("2001:0:808:808:0:ffff:f7f7:f7f7", .public),  // both 8.8.8.8
            ("2001:0:5ef5:79fd:0:ffff:a0b1:c2d3", .public),  // a real Teredo server, a public client
        ])
    func embeddedIPv4(_ text: String, _ expected: AddressRange) throws {
        let address = try #require(IPAddress(text))
        #expect(address.range == expected, "\(text)")
    }

    @Test("names and odd spellings are not numeric addresses (curl's parser normalises those first)")
    func notNumeric() {
        #expect(IPAddress("localhost") == nil && IPAddress("example.com") == nil && IPAddress("") == nil)
    }
}
