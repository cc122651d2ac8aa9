import BossNet
import Foundation
import TestSupport
import Testing

@Suite("Redirects and credentials")
struct RedirectCredentialTests {
    @Test("credentials are not carried across a redirect to another origin; same-origin hops keep them")
    func credentialsStayWithTheirOrigin() async throws {
        try await withHarness(TestHTTPServer.start(["/landing": .bytes([1])])) { other in
            try await withHarness(
                TestHTTPServer.start([
                    "/away": .redirect(to: other.url("/landing")), "/here": .redirect(to: "/kept"),
                    "/kept": .bytes([2]),
                ])
            ) { first in
                let client = NetHarness().client
                let headers = [
                    (name: "Authorization", value: "Bot secret"), (name: "Cookie", value: "s=1"),
                    (name: "X-Keep", value: "y"),
                ]
                for path in ["/away", "/here"] {
                    _ = try await offPool {
                        try client.perform(HTTPRequest(url: first.url(path), headers: headers)) { _ in }
                    }
                }
                #expect(other.lastRequestHeaders("/landing")["authorization"] == nil)
                #expect(
                    other.lastRequestHeaders("/landing")["cookie"] == nil
                        && other.lastRequestHeaders("/landing")["x-keep"] == "y")
                #expect(first.lastRequestHeaders("/kept")["authorization"] == "Bot secret")
            }
        }
    }
}
