import Foundation
import TestSupport
import Testing

/// The operator's endpoint serves a few requests a minute: it must not cost a thread per core.
@Suite("Metrics server threads", .serialized)
struct MetricsThreadTests {
    @Test("the metrics server runs on one event-loop thread, whatever the core count")
    func oneEventLoopThread() async throws {
        try await withHarness(BotHarness.start(MetricsEndToEndTests.monitored)) { harness in
            let base = try await harness.metricsBase()
            _ = try await MetricsScrape.read(base)
            let tasks = "/proc/\(harness.bot.pid)/task"
            let names = try FileManager.default.contentsOfDirectory(atPath: tasks).map { task in
                try String(contentsOfFile: "\(tasks)/\(task)/comm", encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let eventLoops = names.filter { $0.hasPrefix("NIO-") }
            #expect(eventLoops.count == 1, "NIO threads: \(eventLoops); all threads: \(names)")
        }
    }
}
