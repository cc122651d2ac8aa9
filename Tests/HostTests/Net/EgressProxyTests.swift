import BossNet
import Foundation
import Logging
import TestSupport
import Testing

/// Answers one public-looking name with loopback, as a rebinding DNS server would.
private struct RebindingResolver: HostResolver {
    func addresses(of host: String) throws(HTTPError) -> [IPAddress] {
        if host == "media.example.com" { return [IPAddress("127.0.0.1")!] }
        return try SystemResolver().addresses(of: host)
    }
}

/// The egress proxy driven by the real curl, as gallery-dl and yt-dlp drive it.
@Suite("Egress proxy: credentials, the network guard, byte budgets, cancellation")
struct EgressProxyTests {
    let log = CapturedLog()

    func proxy(allowPrivate: Bool, configure: (inout NetworkPolicy) -> Void = { _ in }) -> EgressProxy {
        var policy = NetworkPolicy(userAgent: "boss-bot-test/1.0")
        policy.allowPrivateNetworks = allowPrivate
        configure(&policy)
        return EgressProxy(policy: policy, logger: log.logger)
    }

    /// curl through `proxy` (`tunnel`: CONNECT even for http); returns (exit, body, "code connect-code").
    func curl(_ url: String, proxy: String?, tunnel: Bool = false) async throws -> (Int32, String, String) {
        return try await withTemporaryFolder { folder in
            var arguments = [
                "-sS", "-o", folder.file("body"), "-w", "%{http_code} %{http_connect}", "--max-time", "60",
            ]
            if let proxy { arguments += ["-x", proxy] }
            if tunnel { arguments.append("-p") }
            let run = try await ChildProcess.run(
                "/usr/bin/curl", arguments + [url], environment: [:], directory: folder.path)
            let body = (try? String(contentsOfFile: folder.file("body"), encoding: .utf8)) ?? ""
            return (run.status, body, run.stdout)
        }
    }

    @Test("absolute-form http and CONNECT tunnels reach the server with a job's credentials")
    func forwardsAndTunnels() async throws {
        try await withHarness(TestHTTPServer.start(["/hello": .bytes(Array("hi there".utf8))])) { server in
            let egress = proxy(allowPrivate: true)
            defer { egress.stop() }
            let (grant, url) = try egress.grant(job: "1", plugin: "gallerydl", byteBudget: 1 << 20) { false }
            for tunnel in [false, true] {
                let (status, body, codes) = try await curl(server.url("/hello"), proxy: url, tunnel: tunnel)
                #expect(status == 0 && body == "hi there", "tunnel \(tunnel): \(codes)")
            }
            #expect(server.hits("/hello") == 2)
            #expect(grant.bytesUsed > 16)
        }
    }

    @Test("407 without credentials, with a wrong password, and with another job's revoked credentials")
    func credentials() async throws {
        try await withHarness(TestHTTPServer.start(["/x": .bytes([1, 2, 3])])) { server in
            let egress = proxy(allowPrivate: true)
            defer { egress.stop() }
            let (first, firstURL) = try egress.grant(job: "1", plugin: "gallerydl", byteBudget: 1 << 20) {
                false
            }
            _ = try egress.grant(job: "2", plugin: "gallerydl", byteBudget: 1 << 20) { false }
            let port = try #require(egress.port)
            egress.revoke(first)
            let wrongPassword = firstURL.replacingOccurrences(of: "@127", with: "0@127")
            for proxyURL in ["http://127.0.0.1:\(port)", wrongPassword, firstURL] {
                for tunnel in [false, true] {
                    let (_, _, codes) = try await curl(server.url("/x"), proxy: proxyURL, tunnel: tunnel)
                    #expect(
                        codes.split(separator: " ").contains("407"), "\(proxyURL) tunnel \(tunnel): \(codes)")
                }
            }
            #expect(server.hits("/x") == 0)
        }
    }

    @Test("403 for every private spelling of loopback, logged as a security event naming job and plugin")
    func privateSpellings() async throws {
        try await withHarness(TestHTTPServer.start(["/x": .bytes([1])])) { server in
            let egress = proxy(allowPrivate: false)
            defer { egress.stop() }
            let (_, url) = try egress.grant(job: "42", plugin: "gallerydl", byteBudget: 1 << 20) { false }
            let port = server.port
            let targets = [
                "127.0.0.1", "localhost", "2130706433", "[::ffff:127.0.0.1]", "0x7f.0.0.1", "127.1",
                "017700000001",
                "[::1]", "0.0.0.0",
            ]
            for host in targets {
                for tunnel in [false, true] {
                    let (_, _, codes) = try await curl("http://\(host):\(port)/x", proxy: url, tunnel: tunnel)
                    #expect(codes.split(separator: " ").contains("403"), "\(host) tunnel \(tunnel): \(codes)")
                }
            }
            #expect(server.hits("/x") == 0)
            let events = log.lines(where: "security_event", is: "blocked_address")
            #expect(events.count == targets.count * 2)
            #expect(events.allSatisfy { $0.metadata["job"] == "42" && $0.metadata["plugin"] == "gallerydl" })
        }
    }

    @Test("a public-looking name that resolves to loopback is refused (DNS rebinding)")
    func rebinding() async throws {
        try await withHarness(TestHTTPServer.start(["/x": .bytes([1])])) { server in
            let egress = proxy(allowPrivate: false) { $0.resolver = RebindingResolver() }
            defer { egress.stop() }
            let (_, url) = try egress.grant(job: "7", plugin: "ytdlp", byteBudget: 1 << 20) { false }
            let (_, _, codes) = try await curl("https://media.example.com:\(server.port)/x", proxy: url)
            #expect(codes.split(separator: " ").contains("403"), "\(codes)")
            #expect(server.hits("/x") == 0)
        }
    }

    @Test("a tunnel is cut once the job's byte budget is spent")
    func byteBudget() async throws {
        try await withHarness(TestHTTPServer.start(["/big": .generated(size: 4 << 20, prefix: [])])) {
            server in
            let egress = proxy(allowPrivate: true)
            defer { egress.stop() }
            let (grant, url) = try egress.grant(job: "3", plugin: "gallerydl", byteBudget: 300_000) { false }
            let (status, _, _) = try await curl(server.url("/big"), proxy: url, tunnel: true)
            #expect(status != 0)
            #expect(grant.bytesUsed < 600_000)
        }
    }

    @Test("cancelling the job cuts an open tunnel within a second")
    func cancelCutsTunnel() async throws {
        let trickle = [UInt8](repeating: 65, count: 400)
        try await withHarness(
            TestHTTPServer.start([
                "/slow": .slow(bytes: trickle, chunkSize: 1, delay: .milliseconds(50))
            ])
        ) { server in
            let egress = proxy(allowPrivate: true)
            defer { egress.stop() }
            let cancelled = Flag()
            let (_, url) = try egress.grant(job: "4", plugin: "gallerydl", byteBudget: 1 << 20) {
                cancelled.isSet
            }
            async let run = curl(server.url("/slow"), proxy: url, tunnel: true)
            try await Task.sleep(for: .milliseconds(500))
            let cancelledAt = ContinuousClock.now
            cancelled.set()
            let (status, _, _) = try await run
            let took = ContinuousClock.now - cancelledAt
            #expect(status != 0)
            #expect(took < .seconds(5), "cut after \(took) (measured by make bench; this only guards a hang)")
        }
    }

    @Test("connections past the limit get 503 instead of a thread each")
    func connectionLimit() async throws {
        let trickle = [UInt8](repeating: 65, count: 100)
        try await withHarness(
            TestHTTPServer.start([
                "/slow": .slow(bytes: trickle, chunkSize: 1, delay: .milliseconds(50))
            ])
        ) { server in
            var policy = NetworkPolicy(userAgent: "boss-bot-test/1.0")
            policy.allowPrivateNetworks = true
            let egress = EgressProxy(policy: policy, logger: log.logger, maxConnections: 2)
            defer { egress.stop() }
            let (_, url) = try egress.grant(job: "5", plugin: "gallerydl", byteBudget: 1 << 20) { false }
            async let first = curl(server.url("/slow"), proxy: url, tunnel: true)
            async let second = curl(server.url("/slow"), proxy: url, tunnel: true)
            // Both tunnels open before the third connection; a suite busy with itself can delay curl's start.
            #expect(await eventually(within: .seconds(60)) { server.hits("/slow") == 2 })
            let (_, _, codes) = try await curl(server.url("/slow"), proxy: url, tunnel: true)
            #expect(codes.split(separator: " ").contains("503"), "\(codes)")
            let finished = try await [first.0, second.0]
            #expect(finished == [0, 0])
        }
    }
}
