import BossCore
import BossNet
import Foundation
import Logging
import TestSupport
import Testing

@Suite("A plugin's configured API base is trusted for that plugin's own requests only")
struct PluginNetworkTests {
    @Test("trusted for the owner; guarded for another plugin and for what children fetch")
    func trustIsPerPlugin() async throws {
        try await withHarness(TestHTTPServer.start(["/api/x": .bytes([1, 2])])) { server in
            let environment = [
                "BOSS_PLUGIN_TWITTER_API_URL": server.url("/api"), "BOSS_PLUGIN_TWITTER_BIN": "x",
            ]
            let trusted = PluginNetwork.trustedOrigins(in: environment)
            #expect(trusted.keys.sorted() == ["twitter"])
            var policy = NetworkPolicy(userAgent: "boss-bot-test/1.0")
            policy.trustedOrigins = Set([HTTPOrigin(url: server.url("/"))!])  // ignored: trust is per plugin
            let network = PluginNetwork(policy: policy, trusted: trusted, logger: Logger(label: "test"))
            let owner = network.client(for: "twitter")
            let other = network.client(for: "direct")
            let url = server.url("/api/x")
            let body = try await offPool {
                var body: [UInt8] = []
                _ = try owner.perform(HTTPRequest(url: url)) { body.append(contentsOf: $0) }
                return body
            }
            #expect(body == [1, 2])
            let refused = await #expect(throws: HTTPError.self) {
                try await offPool { try other.perform(HTTPRequest(url: url)) { _ in } }
            }
            #expect(try #require(refused).isBlockedAddress, "unexpected \(String(describing: refused))")
            #expect(server.hits("/api/x") == 1)
        }
    }
}
