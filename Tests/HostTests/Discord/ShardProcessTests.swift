import Foundation
import TestSupport
import Testing

/// `BOSS_SHARDS` across real `boss-host run` processes against one fake Discord.
@Suite("Shards across processes", .serialized)
struct ShardProcessTests {
    static func environment(_ discord: FakeDiscord, shards: String) -> [String: String] {
        [
            "DISCORD_TOKEN": BotHarness.token, "BOSS_DISCORD_API_URL": discord.apiURL,
            "BOSS_METRICS_ADDR": "off",
            "BOSS_SHARDS": shards, "BOSS_SHARD_COUNT": "4", "BOSS_LOG_LEVEL": "debug",
        ]
    }

    @Test(
        "processes with shards 0-1 and 2-3 of 4 each IDENTIFY only theirs; a message on shard 3 is answered")
    func twoProcesses() async throws {
        let (first, second) = (try CLIHarness(), try CLIHarness())
        defer {
            first.cleanUp()
            second.cleanUp()
        }
        try await withHarness(FakeDiscord.start()) { discord in
            discord.rest.maxConcurrency.store(2, ordering: .relaxed)
            let low = try first.launch(["run"], Self.environment(discord, shards: "0-1"))
            defer { low.kill(SIGKILL) }
            #expect(await eventually(within: .seconds(30)) { discord.gateway.identifies.count == 2 })
            #expect(Set(discord.gateway.identifies.map(\.shard)) == [[0, 4], [1, 4]], "\(low.stderr)")
            var monitored = Self.environment(discord, shards: "2-3")
            monitored["BOSS_METRICS_ADDR"] = "127.0.0.1:0"
            let high = try second.launch(["run"], monitored)
            defer { high.kill(SIGKILL) }
            #expect(await eventually(within: .seconds(30)) { discord.gateway.identifies.count == 4 })
            try await Task.sleep(for: .milliseconds(500))
            let shards = discord.gateway.identifies.map(\.shard)
            #expect(shards.count == 4 && Set(shards.suffix(2)) == [[2, 4], [3, 4]], "\(high.stderr)")
            #expect(
                high.stderr.contains("shard=3") || high.stdout.contains("shard=3"), "log lines name the shard"
            )
            try await Self.expectMonitoring(of: high)
            discord.gateway.dispatch(
                "MESSAGE_CREATE", GatewayHarness.message(id: "8301", content: "$ping"), shard: 3)
            #expect(
                await eventually(within: .seconds(30)) {
                    discord.rest.messages.contains { $0.replyTo == "8301" }
                })
            for process in [low, high] {
                process.kill(SIGTERM)
                #expect(await process.wait(timeout: .seconds(40)) == 0)
            }
            #expect(FileManager.default.fileExists(atPath: second.data + "/gateway-session-3-of-4.json"))
            #expect(!FileManager.default.fileExists(atPath: second.data + "/gateway-session.json"))
            // Posted while shard 3 is down: the restarted process RESUMEs both shards and answers it.
            discord.gateway.dispatch(
                "MESSAGE_CREATE", GatewayHarness.message(id: "8302", content: "$ping"), shard: 3)
            let again = try second.launch(["run"], Self.environment(discord, shards: "2-3"))
            defer { again.kill(SIGKILL) }
            #expect(await eventually(within: .seconds(30)) { discord.gateway.received(op: 6).count == 2 })
            #expect(discord.gateway.identifies.count == 4, "the restart identified instead of resuming")
            #expect(
                await eventually(within: .seconds(30)) {
                    discord.rest.messages.contains { $0.replyTo == "8302" }
                },
                "\(again.stderr)")
        }
    }

    /// `/healthz` lists shards 2 and 3, connected; `/metrics` has one connected series per shard.
    static func expectMonitoring(of process: ChildProcess) async throws {
        var base: String?
        _ = await eventually {
            let log = process.stderr
            let found = log.range(
                of: #"metrics: serving http://127\.0\.0\.1:\d+"#, options: .regularExpression)
            base = found.map { String(log[$0].dropFirst("metrics: serving ".count)) }
            return base != nil
        }
        let url = try #require(base, "\(process.stderr)")
        var health = (status: 0, body: "")
        _ = await eventually {
            health = (try? await MetricsScrape.get(url + "/healthz")) ?? health
            return health.body.contains(#""shards":{"2":true,"3":true}"#)
        }
        #expect(health.body.contains(#""shards":{"2":true,"3":true}"#), "\(health.body)")
        var metrics = MetricsScrape("")
        _ = await eventually {
            metrics = (try? await MetricsScrape.read(url)) ?? metrics
            return metrics.value("boss_gateway_shard_connected", ["shard": "3"]) == 1
        }
        #expect(metrics.value("boss_gateway_shard_connected", ["shard": "2"]) == 1)
        #expect(metrics.value("boss_gateway_shard_connected", ["shard": "3"]) == 1)
        #expect(!metrics.text.contains(#"shard="1""#), "only this process's shards")
    }

    @Test(
        "shard settings that cannot work exit 2 naming the setting",
        arguments: [
            (["BOSS_SHARDS": "3-1"], "BOSS_SHARDS='3-1'"), (["BOSS_SHARDS": "zero"], "BOSS_SHARDS='zero'"),
            (["BOSS_SHARDS": "2-4", "BOSS_SHARD_COUNT": "4"], "below BOSS_SHARD_COUNT (4)"),
            (["BOSS_SHARDS": "0-1", "BOSS_SHARD_ID": "0"], "BOSS_SHARD_ID='0'"),
            (["BOSS_SHARD_ID": "4", "BOSS_SHARD_COUNT": "4"], "BOSS_SHARD_ID='4'"),
            (
                ["BOSS_SHARDS": "0-1"],
                "BOSS_SHARDS='0-1' is not valid: expected shard ids below BOSS_SHARD_COUNT (1)"
            ),
        ])
    func invalidSettings(_ settings: [String: String], _ message: String) async throws {
        let cli = try CLIHarness()
        defer { cli.cleanUp() }
        try await withHarness(FakeDiscord.start()) { discord in
            let environment = ["DISCORD_TOKEN": BotHarness.token, "BOSS_DISCORD_API_URL": discord.apiURL]
            let result = try await cli.run(["run"], environment.merging(settings) { _, new in new })
            #expect(result.status == 2)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(discord.gateway.identifies.isEmpty)
        }
    }
}
