import BossNet
import Foundation
import TestSupport
import Testing

@Suite("HTTP over libcurl: streaming, redirects, timeouts, cancellation")
struct HTTPClientTests {
    static let body = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }

    @Test("GET streams the exact bytes of a 3 MB body and sends the User-Agent")
    func streamsBody() async throws {
        try await withHarness(TestHTTPServer.start(["/big": .bytes(Self.body)])) { server in
            let (head, body) = try await NetHarness().get(server.url("/big"))
            #expect(head.status == 200 && head.contentLength == 3_000_000 && body == Self.body)
            #expect(server.lastRequestHeaders("/big")["user-agent"] == "boss-bot-test/1.0")
        }
    }

    @Test("HEAD gives the status and no body; a 404 reaches the caller")
    func headAndNotFound() async throws {
        try await withHarness(TestHTTPServer.start(["/x": .bytes([1, 2, 3])])) { server in
            let head = try await NetHarness().get(server.url("/x"), method: .head)
            #expect(head.head.status == 200 && head.body.isEmpty)
            let missing = try await NetHarness().get(server.url("/missing"))
            #expect(missing.head.status == 404)
        }
    }

    @Test("redirects are followed (relative too) and the final URL reported; more than the limit fails")
    func redirects() async throws {
        try await withHarness(
            TestHTTPServer.start([
                "/a": .redirect(to: "/b"), "/b": .redirect(to: "/c", status: 301), "/c": .bytes([9]),
                "/loop": .redirect(to: "/loop"),
            ])
        ) { server in
            let (head, body) = try await NetHarness().get(server.url("/a"))
            #expect(head.finalURL == server.url("/c") && body == [9])
            await #expect(throws: HTTPError.tooManyRedirects(limit: 5, lastURL: server.url("/loop"))) {
                try await NetHarness().get(server.url("/loop"))
            }
            #expect(server.hits("/loop") == 6)
        }
    }

    @Test("a consumer that throws stops the transfer with its own error")
    func consumerError() async throws {
        struct Enough: Error {}
        try await withHarness(TestHTTPServer.start(["/big": .generated(size: 20_000_000, prefix: [])])) {
            server in
            let client = NetHarness().client
            let received = try await offPool { () -> Int in
                var count = 0
                do {
                    _ = try client.perform(HTTPRequest(url: server.url("/big"))) { chunk in
                        count += chunk.count
                        if count > 100_000 { throw Enough() }
                    }
                } catch is Enough { return count }
                return -1
            }
            #expect(received > 100_000 && received < 20_000_000)
        }
    }

    @Test("cancellation stops a slow transfer long before it would end")
    func cancellation() async throws {
        // 300 one-byte chunks, 100 ms apart: 30 s if nothing stops it (a bound far from both ends, so
        // a machine busy with the rest of the suite cannot blur the two).
        try await withHarness(
            TestHTTPServer.start([
                "/slow": .slow(
                    bytes: [UInt8](repeating: 1, count: 300), chunkSize: 1, delay: .milliseconds(100))
            ])
        ) { server in
            let deadline = ContinuousClock.now + .milliseconds(300)
            let started = ContinuousClock.now
            await #expect(throws: HTTPError.cancelled) {
                try await NetHarness().get(
                    server.url("/slow"), isCancelled: { ContinuousClock.now > deadline })
            }
            #expect(
                ContinuousClock.now - started < .seconds(20),
                "stopped by cancellation, not by the end of the body"
            )
        }
    }

    @Test("a stalled transfer hits the low-speed timeout")
    func lowSpeed() async throws {
        try await withHarness(
            TestHTTPServer.start([
                "/stall": .slow(bytes: [1, 2], chunkSize: 1, delay: .seconds(5))
            ])
        ) { server in
            let harness = NetHarness { $0.lowSpeedTime = .seconds(1) }
            await #expect(throws: HTTPError.timedOut(url: server.url("/stall"))) {
                try await harness.get(server.url("/stall"))
            }
        }
    }
}
