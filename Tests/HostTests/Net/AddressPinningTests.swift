import Logging
import Testing

@testable import BossNet

/// Answers every name with the same addresses, as a DNS server with several A/AAAA records would.
private struct FixedResolver: HostResolver {
    let answer: [IPAddress]
    func addresses(of host: String) throws(HTTPError) -> [IPAddress] { answer }
}

@Suite("Address pinning: curl gets every checked address, so one dead address does not fail a host")
struct AddressPinningTests {
    func pin(_ url: String, _ addresses: [String]) throws -> String? {
        var policy = NetworkPolicy(userAgent: "boss-bot-test/1.0")
        policy.resolver = FixedResolver(answer: addresses.compactMap(IPAddress.init))
        return try AddressGuard(policy: policy, logger: Logger(label: "test")).check(try CurlURL(url))
    }

    @Test("every public address is pinned, in the resolver's order, IPv6 in brackets")
    func allAddressesPinned() throws {
        let entry = try pin(
            "https://media.example.com/a.jpg", ["93.184.216.34", "2606:2800:220:1::248", "8.8.4.4"])
        #expect(entry == "media.example.com:443:93.184.216.34,[2606:2800:220:1::248],8.8.4.4")
    }

    @Test("one private address among public ones refuses the host")
    func onePrivateRefuses() {
        #expect(throws: HTTPError.self) {
            try pin("http://media.example.com/", ["93.184.216.34", "10.0.0.7"])
        }
    }
}
