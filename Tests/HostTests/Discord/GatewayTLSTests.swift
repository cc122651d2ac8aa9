import Foundation
import TestSupport
import Testing

/// The production path: `wss://` through libwebsockets' TLS, verified against the system's trust
/// store (OpenSSL's default paths, which `SSL_CERT_FILE` points at a test CA here), in front of the
/// fake gateway. A certificate the store does not trust is refused.
@Suite("Gateway over TLS", .serialized)
struct GatewayTLSTests {
    struct TLSProxy {
        let process: ChildProcess
        let port: Int
        let caFile: String
    }

    /// A CA, a certificate for 127.0.0.1 signed by it, and the TLS proxy to `target` using it.
    static func startProxy(in folder: String, target: Int) async throws -> TLSProxy {
        let steps = [
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2",
                "-subj", "/CN=Boss Test CA",
            ],
            [
                "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=127.0.0.1",
            ],
            [
                "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out",
                "server.pem", "-days", "2", "-extfile", "ext.cnf",
            ],
        ]
        try "subjectAltName=IP:127.0.0.1\n".write(
            toFile: folder + "/ext.cnf", atomically: true, encoding: .utf8)
        for step in steps {
            let result = try await ChildProcess.run(
                "/usr/bin/openssl", step, environment: [:], directory: folder)
            #expect(result.status == 0, "openssl \(step[0]): \(result.stderr)")
        }
        let script = CPluginBuilder.repositoryRoot + "/Tests/Fixtures/TLS/tls_proxy.py"
        let process = try ChildProcess(
            "/usr/bin/env", ["python3", script, "server.pem", "server.key", String(target)],
            environment: ProcessInfo.processInfo.environment, directory: folder)
        var port = 0
        _ = await eventually {
            port = Int(process.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            return port > 0
        }
        return TLSProxy(process: process, port: port, caFile: folder + "/ca.pem")
    }

    @Test(
        "the bot connects over wss with a trusted certificate and serves commands; an untrusted one is refused"
    )
    func wssGateway() async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            let proxy = try await Self.startProxy(in: cli.root, target: discord.port)
            defer { proxy.process.kill(SIGKILL) }
            discord.announceGateway("wss://127.0.0.1:\(proxy.port)/gateway")
            let base = [
                "DISCORD_TOKEN": BotHarness.token, "BOSS_DISCORD_API_URL": discord.apiURL,
                "BOSS_METRICS_ADDR": "off",
            ]

            let untrusting = try cli.launch(["run"], base)
            // lws reports the refused handshake in its own log, which the host routes into its logger.
            #expect(
                await eventually(within: .seconds(20)) {
                    untrusting.stderr.contains("libwebsockets: SSL error")
                })
            #expect(
                discord.gateway.connections.isEmpty, "a connection with an untrusted certificate went through"
            )
            untrusting.kill(SIGKILL)
            _ = await untrusting.wait()

            let bot = try cli.launch(["run"], base.merging(["SSL_CERT_FILE": proxy.caFile]) { _, new in new })
            defer { bot.kill(SIGKILL) }
            #expect(
                await eventually(within: .seconds(20)) { !discord.rest.registeredCommandNames.isEmpty },
                "\(bot.stderr)")
            discord.gateway.dispatch(
                "MESSAGE_CREATE",
                #"{"id":"9501","channel_id":"10","guild_id":"5","content":"$ping","author":{"id":"42","username":"u"},"#
                    + #""member":{"roles":[]},"mentions":[]}"#)
            #expect(
                await eventually {
                    discord.rest.messages.contains { $0.replyTo == "9501" && $0.content.contains("Pong") }
                })
        }
    }
}
