import Foundation
import GRDB
import TestSupport
import Testing

/// The real bot when its queue database refuses writes: the user hears that the download waits,
/// `/healthz` names the fault, and the download runs once the database takes writes again.
@Suite("Bot under storage faults", .serialized)
struct BotStorageFaultTests {
    @Test(
        "a refused queue write: the requester is told, /healthz is 503 with the reason, then it recovers",
        .timeLimit(.minutes(2)))
    func refusedWrites() async throws {
        try await withHarness(
            BotHarness.start(
                ["BOSS_METRICS_ADDR": "127.0.0.1:0"],
                media: ["/media/cat.png": .bytes(CLIHarness.png, contentType: "image/png")])
        ) { harness in
            let base = try await harness.metricsBase()
            let saboteur = try QueueStorageFaultTests.refuseWrites(harness.cli.data + "/queue.sqlite")
            harness.say("$dl \(harness.media.url("/media/cat.png"))", id: "8101")
            let told = await harness.reply(to: "8101") { $0.content.contains("waits") }
            #expect(told != nil, "the requester was not told; log:\n\(harness.bot.stderr.suffix(3000))")
            var health = (status: 0, body: "")
            _ = await eventually(within: .seconds(10)) {
                health = (try? await MetricsScrape.get(base + "/healthz")) ?? health
                return health.status == 503
            }
            #expect(health.status == 503)
            #expect(health.body.contains("queue database failing") && health.body.contains("disk is full"))
            #expect(harness.bot.stderr.contains("queue database"))
            try await saboteur.write { try $0.execute(sql: "DROP TRIGGER refuse_writes") }
            let delivered = await harness.reply(to: "8101") { !$0.attachments.isEmpty }
            #expect(delivered?.attachments.first?.bytes.elementsEqual(CLIHarness.png) == true)
            _ = await eventually(within: .seconds(10)) {
                health = (try? await MetricsScrape.get(base + "/healthz")) ?? health
                return health.status == 200
            }
            #expect(health.status == 200, "\(health.body)")
        }
    }
}
