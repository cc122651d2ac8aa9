import BossNet
import Foundation
import TestSupport
import Testing

@Suite("The SSRF guard against a local server: refused before any connection")
struct AddressGuardTests {
    @Test("loopback in every spelling is refused and the server sees no request")
    func loopbackSpellings() async throws {
        try await withHarness(TestHTTPServer.start(["/x": .bytes([1])])) { server in
            let port = server.port
            let urls = [
                "http://127.0.0.1:\(port)/x", "http://localhost:\(port)/x", "http://2130706433:\(port)/x",
                "http://[::ffff:127.0.0.1]:\(port)/x", "http://0x7f.0.0.1:\(port)/x",
                "http://127.1:\(port)/x",
                "http://017700000001:\(port)/x", "http://[::1]:\(port)/x", "http://0.0.0.0:\(port)/x",
            ]
            for url in urls {
                let error = await #expect(throws: HTTPError.self, "\(url)") {
                    try await NetHarness(allowPrivate: false).get(url)
                }
                if case .blockedAddress = error {
                } else {
                    Issue.record("\(url): \(String(describing: error))")
                }
            }
            #expect(server.hits("/x") == 0)
        }
    }

    @Test("a trusted origin works; its redirects to untrusted local addresses are refused")
    func trustedOriginRedirects() async throws {
        try await withHarness(TestHTTPServer.start(["/secret": .bytes([7])])) { target in
            try await withHarness(
                TestHTTPServer.start([
                    "/ok": .bytes([1]), "/to-other": .redirect(to: target.url("/secret")),
                    "/to-localhost": .redirect(to: "http://localhost:\(target.port)/secret"),
                    "/to-decimal": .redirect(to: "http://2130706433:\(target.port)/secret"),
                ])
            ) { trusted in
                let harness = NetHarness(allowPrivate: false, trusted: [trusted.url("/")])
                let ok = try await harness.get(trusted.url("/ok")).body
                #expect(ok == [1])
                for path in ["/to-other", "/to-localhost", "/to-decimal"] {
                    let error = await #expect(throws: HTTPError.self) {
                        try await harness.get(trusted.url(path))
                    }
                    if case .blockedAddress = error {
                    } else {
                        Issue.record("\(path): \(String(describing: error))")
                    }
                }
                #expect(target.hits("/secret") == 0)
            }
        }
    }

    @Test("only http and https")
    func schemes() async throws {
        for url in ["ftp://example.com/a.jpg", "file:///etc/passwd", "gopher://example.com/"] {
            await #expect(throws: HTTPError.unsupportedScheme(url)) { try await NetHarness().get(url) }
        }
        await #expect(throws: HTTPError.self) { try await NetHarness().get("not a url") }
    }

    @Test("with private networks allowed (tests only), loopback is reachable")
    func allowed() async throws {
        try await withHarness(TestHTTPServer.start(["/x": .bytes([5])])) { server in
            let body = try await NetHarness(allowPrivate: true).get("http://localhost:\(server.port)/x").body
            #expect(body == [5])
        }
    }
}
