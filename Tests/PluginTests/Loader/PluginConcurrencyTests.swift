import BossCore
import Foundation
import Synchronization
import TestSupport
import Testing

/// Calls into one plugin instance follow the ABI's thread rules whatever threads the host runs them on,
/// and concurrent scans (the watcher, an admin's `reload`) load each file once.
@Suite("Plugin calls and scans under concurrency")
struct PluginConcurrencyTests {
    /// Runs `body` on `count` threads released together; returns when all finished, without blocking a
    /// thread of the cooperative pool (other tests run there).
    static func together(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) async {
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for index in 0..<count {
            done.enter()
            Thread {
                start.wait()
                body(index)
                done.leave()
            }.start()
        }
        for _ in 0..<count { start.signal() }
        await withCheckedContinuation { finished in done.notify(queue: .global()) { finished.resume() } }
    }

    @Test("scans racing each other (watcher and reload) register every plugin once, with no failure")
    func concurrentScans() async throws {
        let built = try LoaderHarness()
        defer { built.cleanUp() }
        for id in ["one", "two", "three"] {
            _ = try CPluginBuilder.build(
                source: "fixture_plugin.c",
                defines: [
                    "FIXTURE_ID": quoted(id), "FIXTURE_PATTERN": quoted("^https://\(id)/"),
                    "FIXTURE_EXAMPLE": quoted("https://\(id)/"),
                ], into: built.staging, name: "lib\(id).so")
        }
        for round in 0..<10 {
            let harness = try LoaderHarness()
            defer { harness.cleanUp() }
            for name in ["libone.so", "libtwo.so", "libthree.so"] {
                try FileManager.default.copyItem(
                    atPath: built.staging + "/" + name, toPath: harness.plugins + "/" + name)
            }
            let loader = harness.loader()
            await Self.together(6) { _ in _ = loader.loadAll() }
            let ids = harness.registry.plugins.map(\.manifest.id).sorted()
            #expect(ids == ["one", "three", "two"], "round \(round)")
            #expect(harness.registry.failures.isEmpty, "round \(round): \(harness.registry.failures)")
        }
    }

    @Test("health() of a plugin that is not thread-safe never runs while its extract runs")
    func healthDuringExtract() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            _ = try CPluginBuilder.build(
                source: "overlap_plugin.c", into: harness.pluginsDirectory, name: "liboverlap.so")
            let runtime = try harness.runtime()
            let plugin = try #require(runtime.registry.plugin(id: "overlap"))
            #expect(plugin.health == nil)
            // Health is asked on threads of its own while the test's task only awaits: the job needs the pool.
            let reports = Atomic<Int>(0)
            let unhealthy = Atomic<Int>(0)
            let asking = Task.detached {
                await Self.together(2) { _ in
                    let deadline = ContinuousClock.now + .seconds(20)
                    while reports.load(ordering: .relaxed) < 200, ContinuousClock.now < deadline {
                        guard exportedCounter("overlap_extracting", in: plugin.imagePath) == 1 else {
                            usleep(1000)
                            continue
                        }
                        if plugin.health != nil { unhealthy.add(1, ordering: .relaxed) }
                        reports.add(1, ordering: .relaxed)
                    }
                }
            }
            _ = try? await runtime.extract("https://overlap.example/x")
            _ = try? await runtime.extract("https://overlap.example/x")
            await asking.value
            #expect(reports.load(ordering: .relaxed) > 0, "health was asked while extract ran")
            #expect(unhealthy.load(ordering: .relaxed) == 0, "the last report while busy: healthy")
            #expect(exportedCounter("overlap_count", in: plugin.imagePath) == 0, "health overlapped extract")
            #expect(exportedCounter("overlap_health_calls", in: plugin.imagePath) ?? 0 >= 1)
        }
    }

    @Test("health() racing the retirement of its plugin never overlaps destroy nor follows it")
    func healthDuringDestroy() async throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let path = try CPluginBuilder.build(
            source: "overlap_plugin.c", into: harness.plugins, name: "libov.so")
        let loader = harness.loader()
        _ = loader.loadAll()
        let plugin = try #require(harness.registry.plugin(id: "overlap"))
        try FileManager.default.removeItem(atPath: path)
        await Self.together(3) { index in
            if index == 0 {
                Thread.sleep(forTimeInterval: 0.05)
                _ = loader.rescan()
            } else {
                for _ in 0..<100 { _ = plugin.health }
            }
        }
        #expect(plugin.isRetired)
        #expect(exportedCounter("overlap_count", in: plugin.imagePath) == 0, "health overlapped destroy")
        #expect(exportedCounter("overlap_after_destroy", in: plugin.imagePath) == 0, "health after destroy")
    }
}
