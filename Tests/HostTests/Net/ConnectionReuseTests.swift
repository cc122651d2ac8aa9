import BossNet
import Foundation
import Logging
import TestSupport
import Testing

@Suite("Connection reuse")
struct ConnectionReuseTests {
    func twoRequests(_ client: HTTPClient, _ url: String) async throws -> [HTTPResponseHead] {
        try await offPool {
            try (0..<2).map { _ in try client.perform(HTTPRequest(url: url)) { _ in } }
        }
    }

    @Test("a reusing client keeps its connection for the next request; a plain one opens a new one")
    func reuse() async throws {
        try await withHarness(TestHTTPServer.start(["/a": .json("{}")])) { server in
            let policy = NetHarness().policy
            let reusing = HTTPClient(policy: policy, logger: Logger(label: "test"), reusesConnections: true)
            let reused = try await twoRequests(reusing, server.url("/a"))
            #expect(reused.map(\.reusedConnection) == [false, true])
            let plain = HTTPClient(policy: policy, logger: Logger(label: "test"))
            #expect(try await twoRequests(plain, server.url("/a")).map(\.reusedConnection) == [false, false])
        }
    }
}
