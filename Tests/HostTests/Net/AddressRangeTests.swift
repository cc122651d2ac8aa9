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

    @Test("names and odd spellings are not numeric addresses (curl's parser normalises those first)")
    func notNumeric() {
        #expect(IPAddress("localhost") == nil && IPAddress("example.com") == nil && IPAddress("") == nil)
    }
}
