import BossMetrics
import Foundation
import TestSupport
import Testing

/// `/metrics`, `/healthz` and `/` of the real bot (`boss-host run` against the fake Discord).
@Suite("Metrics end to end", .serialized)
struct MetricsEndToEndTests {
    static let png = CLIHarness.png
    static let monitored = ["BOSS_METRICS_ADDR": "127.0.0.1:0", "BOSS_MAX_CONCURRENT": "1"]

    @Test("every family is exported, and each moves when its event happens")
    func everyFamilyMoves() async throws {
        try await withHarness(
            BotHarness.start(
                Self.monitored,
                media: [
                    "/media/cat.png": .bytes(Self.png, contentType: "image/png"),
                    "/media/fake.png": .bytes(Array("not an image at all".utf8), contentType: "image/png"),
                    "/media/slow.png": .slow(bytes: Self.png, chunkSize: 10_000, delay: .milliseconds(250)),
                ])
        ) { harness in
            let base = try await harness.metricsBase()
            let before = try await MetricsScrape.read(base)
            harness.discord.rest.rateLimitNext(pathContains: "/messages", retryAfter: 0.2)
            harness.say("$dl \(harness.media.url("/media/slow.png"))", id: "9001")
            _ = await harness.reply(to: "9001")  // queued (and started) before the next one is asked for
            harness.say("$dl \(harness.media.url("/media/cat.png"))", id: "9002")
            var sawQueue = false
            var sawStorage = false
            _ = await eventually(within: .seconds(20)) {
                guard let now = try? await MetricsScrape.read(base) else { return false }
                sawQueue = sawQueue || now.value(MetricName.queueLength) >= 1
                sawStorage =
                    sawStorage || now.value(MetricName.storageUsed) > before.value(MetricName.storageUsed)
                return sawQueue && sawStorage
            }
            #expect(
                sawQueue, "the queue length never showed the waiting job:\n\(harness.bot.stderr.suffix(4000))"
            )
            #expect(sawStorage, "storage use never grew during a download")
            harness.discord.gateway.heartbeatInterval.store(300, ordering: .relaxed)
            harness.discord.gateway.current?.send(#"{"op":7,"d":null}"#)
            harness.say("$dl \(harness.media.url("/media/fake.png"))", id: "9003")
            harness.say("$ping", id: "9004", guild: nil)
            for id in ["9001", "9002"] {
                #expect(await harness.reply(to: id) { !$0.attachments.isEmpty } != nil)
            }
            #expect(await harness.reply(to: "9003") { $0.history.count > 1 } != nil)
            #expect(await harness.reply(to: "9004") != nil)
            var after = before
            _ = await eventually(within: .seconds(10)) {
                after = (try? await MetricsScrape.read(base)) ?? before
                return after.value(MetricName.gatewayLatency) > 0 && after.value(MetricName.errors) > 0
                    && after.value(MetricName.gatewayReconnects) > before.value(MetricName.gatewayReconnects)
                    && after.value(MetricName.gatewayConnected) == 1
            }
            for family in MetricName.all { #expect(after.has(family), "\(family) is missing from /metrics") }
            func moved(_ name: String, _ labels: [String: String] = [:]) -> Double {
                after.value(name, labels) - before.value(name, labels)
            }
            #expect(moved(MetricName.jobTransitions, ["state": "queued"]) == 3)
            #expect(moved(MetricName.jobTransitions, ["state": "delivered"]) == 2)
            #expect(moved(MetricName.jobTransitions, ["state": "failed"]) == 1)
            #expect(moved(MetricName.errors) >= 1)
            #expect(moved(MetricName.downloadedBytes) == Double(2 * Self.png.count))
            #expect(moved(MetricName.downloadSpeed + "_count") == 2)
            #expect(moved(MetricName.filesRejected, ["reason": "bad_type"]) == 1)
            #expect(moved(MetricName.securityEvents, ["kind": "refused_user"]) == 1)
            #expect(moved(MetricName.commandResponse + "_count") >= 4)
            #expect(
                moved(MetricName.discordRequest + "_count", ["route": "POST /channels/:id/messages"]) >= 4)
            #expect(moved(MetricName.discordRateLimited, ["route": "POST /channels/:id/messages"]) == 1)
            #expect(moved(MetricName.pluginJobs) == 3)
            #expect(moved(MetricName.pluginFailures) == 1)
            #expect(moved(MetricName.gatewayReconnects) >= 1)
            #expect(after.value(MetricName.gatewayConnected) == 1)
            #expect(moved(MetricName.cpuSeconds) > 0)
            #expect(after.value(MetricName.residentMemory) > 1_000_000)
            #expect(after.value(MetricName.openFDs) > 3)
            #expect(
                after.value(MetricName.storagePercent) >= 0 && after.value(MetricName.storagePercent) < 100)
            #expect(!after.text.contains(BotHarness.token))
        }
    }

    @Test("a download aimed at a private address counts a blocked_address security event")
    func blockedAddress() async throws {
        try await withHarness(
            BotHarness.start(
                Self.monitored.merging(["BOSS_ALLOW_PRIVATE_NETWORKS": "0"]) { _, new in new },
                media: ["/media/cat.png": .bytes(Self.png, contentType: "image/png")])
        ) { harness in
            let base = try await harness.metricsBase()
            let before = try await MetricsScrape.read(base)
            harness.say("$dl \(harness.media.url("/media/cat.png"))", id: "9201")
            #expect(await harness.reply(to: "9201") { $0.history.count > 1 } != nil)
            let after = try await MetricsScrape.read(base)
            let kind = ["kind": "blocked_address"]
            #expect(
                after.value(MetricName.securityEvents, kind) - before.value(MetricName.securityEvents, kind)
                    == 1)
            #expect(harness.media.hits("/media/cat.png") == 0)
        }
    }

    @Test("/healthz: 200 with the JSON report when healthy, 503 with the reason when no plugin is loaded")
    func health() async throws {
        try await withHarness(BotHarness.start(Self.monitored)) { harness in
            let base = try await harness.metricsBase()
            var healthy = (status: 0, body: "")
            _ = await eventually(within: .seconds(10)) {
                healthy = (try? await MetricsScrape.get(base + "/healthz")) ?? healthy
                return healthy.status == 200
            }
            #expect(healthy.status == 200, "\(healthy.body)")
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(healthy.body.utf8)) as? [String: Any])
            #expect(report["gateway_connected"] as? Bool == true)
            #expect(report["queue_accepting"] as? Bool == true)
            #expect(report["storage_under_quota"] as? Bool == true)
            #expect(report["plugins_loaded"] as? Int == 1)
            try FileManager.default.removeItem(atPath: harness.cli.plugins + "/libDirectMediaExtractor.so")
            var sick = (status: 0, body: "")
            _ = await eventually(within: .seconds(10)) {
                sick = (try? await MetricsScrape.get(base + "/healthz")) ?? sick
                return sick.status == 503
            }
            #expect(sick.status == 503)
            #expect(sick.body.contains("no plugin loaded"))
            #expect(sick.body.contains(#""plugins_loaded":0"#))
        }
    }

    @Test("/ is a self-contained dashboard: inline script polling /metrics, canvases, nothing external")
    func dashboard() async throws {
        try await withHarness(BotHarness.start(Self.monitored)) { harness in
            let page = try await MetricsScrape.get(try await harness.metricsBase() + "/")
            #expect(page.status == 200)
            #expect(page.body.contains("fetch(\"/metrics\")") && page.body.contains("getContext(\"2d\")"))
            #expect(!page.body.contains("src=\"http") && !page.body.contains("href=\"http"))
        }
    }
}
