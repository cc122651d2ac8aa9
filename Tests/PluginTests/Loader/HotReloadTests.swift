import BossCore
import Foundation
import TestSupport
import Testing

@Suite("Hot add, replace and remove while the host runs", .serialized)
struct HotReloadTests {
    @Test("a plugin moved into the watched folder takes jobs without a restart (latency: make bench)")
    func hotAdd() async throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let loader = harness.loader()
        _ = loader.loadAll()
        let watcher = PluginDirectoryWatcher(loader: loader)
        watcher.start()
        defer { watcher.stop() }
        let built = try CPluginBuilder.build(
            source: "fixture_plugin.c", defines: ["FIXTURE_ID": quoted("new")], into: harness.staging,
            name: "libnew.so")
        #expect(rename(built, harness.plugins + "/libnew.so") == 0)
        #expect(
            await eventually(within: .seconds(20)) {
                harness.registry.route("https://fixture.example/x") != nil
            })
    }

    @Test("a file that is still growing is not loaded until its size is stable")
    func halfWritten() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let loader = harness.loader()
        _ = loader.loadAll()
        let built = try CPluginBuilder.build(
            source: "fixture_plugin.c", defines: [:], into: harness.staging, name: "lib.so")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: built))
        let target = URL(fileURLWithPath: harness.plugins + "/libgrowing.so")
        try bytes.prefix(bytes.count / 3).write(to: target)
        #expect(loader.rescan().added.isEmpty && harness.registry.failures.isEmpty, "first sight: wait")
        try bytes.prefix(bytes.count / 2).write(to: target)
        #expect(loader.rescan().added.isEmpty && harness.registry.failures.isEmpty, "still growing: wait")
        try bytes.write(to: target)
        #expect(loader.rescan().added.isEmpty, "changed since the last scan: wait")
        #expect(loader.rescan().added.map(\.id) == ["fixture"], "the same twice in a row: load")
    }

    @Test("a truncated library that stopped growing is refused with a reason, not a crash")
    func truncated() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let built = try CPluginBuilder.build(
            source: "fixture_plugin.c", defines: [:], into: harness.staging, name: "lib.so")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: built))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: harness.plugins + "/libcut.so"))
        let result = harness.loader().loadAll()
        let reason = try #require(
            result.failures.first?.error.notLoadableReason, "expected notLoadable, got \(result.failures)")
        #expect(reason.contains("truncated"))
    }

    @Test("a replaced plugin serves new jobs with the new code; the old one finishes its job first")
    func replaceWhileRunning() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime()
            let old = try #require(runtime.registry.plugin(id: "behaviour"))
            let control = JobControl()
            let running = Task { try? await runtime.extract(harness.url("slow", "x"), control: control) }
            try await Task.sleep(for: .milliseconds(100))

            let staged = try CPluginBuilder.build(
                source: "behaviour_plugin.c", defines: ["BEHAVIOUR_VERSION": quoted("2.0.0")],
                into: harness.root,
                name: "v2.so")
            #expect(rename(staged, harness.pluginsDirectory + "/libbehaviour.so") == 0)
            _ = runtime.loader.rescan()
            let result = runtime.loader.rescan()
            #expect(result.replaced.map(\.version) == ["2.0.0"])
            #expect(runtime.registry.route(harness.url("fetch", "x"))?.manifest.version == "2.0.0")
            #expect(
                old.isRetired && exportedCounter("behaviour_destroy_count", in: old.imagePath) == 0,
                "still running")

            control.cancel()
            _ = await running.value
            #expect(
                exportedCounter("behaviour_destroy_count", in: old.imagePath) == 1,
                "destroyed after its last job"
            )
            let new = try #require(runtime.registry.plugin(id: "behaviour"))
            #expect(
                exportedCounter("behaviour_destroy_count", in: new.imagePath) == 0,
                "the new image is a different copy")
        }
    }

    @Test("a removed plugin stops taking jobs")
    func remove() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let path = try harness.fixture("libgone.so", ["FIXTURE_ID": quoted("gone")])
        let loader = harness.loader()
        _ = loader.loadAll()
        let plugin = try #require(harness.registry.plugin(id: "gone"))
        try FileManager.default.removeItem(atPath: path)
        #expect(loader.rescan().removed == ["gone"])
        #expect(harness.registry.route("https://fixture.example/x") == nil && plugin.isRetired)
        #expect(exportedCounter("fixture_destroy_count", in: plugin.imagePath) == 1)
    }
}
