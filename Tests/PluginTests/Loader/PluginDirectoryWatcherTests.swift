import BossCore
import Foundation
import TestSupport
import Testing

@Suite("The plugins directory watcher scans on inotify events, not on a timer", .serialized)
struct PluginDirectoryWatcherTests {
    /// A fallback rescan so rare that only an inotify event explains a scan within a test.
    static let noFallback = Duration.seconds(3600)

    func watching(_ harness: LoaderHarness) async throws -> PluginDirectoryWatcher {
        let loader = harness.loader()
        _ = loader.loadAll()
        let watcher = PluginDirectoryWatcher(loader: loader, fallbackInterval: Self.noFallback)
        watcher.start()
        try await Task.sleep(for: .milliseconds(200))  // past the watcher's own first scans
        return watcher
    }

    @Test("a plugin renamed in takes jobs at once, with no poll due for an hour")
    func renamedIn() async throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let watcher = try await watching(harness)
        defer { watcher.stop() }
        try harness.install("libnew.so", ["FIXTURE_ID": quoted("new")])
        #expect(await eventually(within: .seconds(5)) { harness.registry.plugin(id: "new") != nil })
    }

    @Test("a deleted plugin stops taking jobs at once")
    func deleted() async throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let path = try harness.fixture("libgone.so", ["FIXTURE_ID": quoted("gone")])
        let watcher = try await watching(harness)
        defer { watcher.stop() }
        let plugin = try #require(harness.registry.plugin(id: "gone"))
        try FileManager.default.removeItem(atPath: path)
        #expect(await eventually(within: .seconds(5)) { harness.registry.plugin(id: "gone") == nil })
        #expect(plugin.isRetired)
    }

    @Test("a change of a plugin file's attributes (touch, chmod, chown) is scanned at once")
    func attributesChanged() async throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let path = try harness.fixture("libtouched.so", ["FIXTURE_ID": quoted("touched")])
        let watcher = try await watching(harness)
        defer { watcher.stop() }
        let before = try #require(harness.registry.plugin(id: "touched"))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        #expect(
            await eventually(within: .seconds(5)) { harness.registry.plugin(id: "touched") !== before },
            "a new modification time is a new version of the file")
    }

    @Test("a plugin written in place is loaded once closed, never half-written")
    func writtenInPlace() async throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let built = try CPluginBuilder.build(
            source: "fixture_plugin.c", defines: [:], into: harness.staging, name: "lib.so")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: built))
        let watcher = try await watching(harness)
        defer { watcher.stop() }
        let target = harness.plugins + "/libslow.so"
        // As cp writes: create the file in place (FileManager.createFile would rename a complete one in).
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(descriptor >= 0)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        try handle.write(contentsOf: bytes.prefix(bytes.count / 2))
        try await Task.sleep(for: .milliseconds(400))  // the writer pauses, the file still open
        #expect(harness.registry.plugins.isEmpty && harness.registry.failures.isEmpty, "open: not scanned")
        try handle.write(contentsOf: bytes.dropFirst(bytes.count / 2))
        try handle.close()
        #expect(await eventually(within: .seconds(5)) { harness.registry.plugin(id: "fixture") != nil })
        #expect(harness.registry.failures.isEmpty, "no failed load of the half-written file")
    }

    @Test("a plugins directory created after start, or removed and made again, is watched")
    func directoryComesAndGoes() async throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        try FileManager.default.removeItem(atPath: harness.plugins)
        let watcher = try await watching(harness)
        defer { watcher.stop() }
        try FileManager.default.createDirectory(atPath: harness.plugins, withIntermediateDirectories: true)
        try harness.install("libfirst.so", ["FIXTURE_ID": quoted("first")])
        #expect(await eventually(within: .seconds(10)) { harness.registry.plugin(id: "first") != nil })

        try FileManager.default.removeItem(atPath: harness.plugins)
        #expect(await eventually(within: .seconds(10)) { harness.registry.plugins.isEmpty }, "gone with it")
        try FileManager.default.createDirectory(atPath: harness.plugins, withIntermediateDirectories: true)
        try harness.install("libsecond.so", ["FIXTURE_ID": quoted("second")])
        #expect(await eventually(within: .seconds(10)) { harness.registry.plugin(id: "second") != nil })
    }

    @Test("a stopped watcher scans nothing more")
    func stopped() async throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let watcher = try await watching(harness)
        watcher.stop()
        try await Task.sleep(for: .milliseconds(100))
        try harness.install("liblate.so", ["FIXTURE_ID": quoted("late")])
        try await Task.sleep(for: .milliseconds(500))
        #expect(harness.registry.plugins.isEmpty)
    }
}
