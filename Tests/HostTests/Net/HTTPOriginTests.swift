import BossNet
import Testing

@Suite("HTTP origins: the host as DNS and curl see it")
struct HTTPOriginTests {
    @Test("an internationalized host stays in its ASCII (punycode) form, lower-cased")
    func punycode() throws {
        let origin = try #require(HTTPOrigin(url: "https://XN--BCHER-KVA.example:8443/path"))
        #expect(
            [origin.scheme, origin.host, "\(origin.port)"] == ["https", "xn--bcher-kva.example", "8443"])
    }

    @Test("IPv6 literals lose their brackets; default ports by scheme")
    func literals() throws {
        let origin = try #require(HTTPOrigin(url: "http://[::1]/"))
        #expect([origin.scheme, origin.host, "\(origin.port)"] == ["http", "::1", "80"])
        #expect(HTTPOrigin(url: "https://example.com")?.port == 443)
    }

    @Test(
        "not an absolute http(s) URL with a host: no origin",
        arguments: ["ftp://example.com/", "/relative", "https://"])
    func refused(url: String) {
        #expect(HTTPOrigin(url: url) == nil)
    }
}
