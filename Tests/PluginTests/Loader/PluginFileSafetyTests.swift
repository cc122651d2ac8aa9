import BossCore
import Foundation
import TestSupport
import Testing

/// Hot-add makes the plugins folder an execution path: what others can write is refused (ssh's
/// StrictModes), and what is checked is the very file whose bytes are loaded.
@Suite("Plugin files and folders others can change are refused")
struct PluginFileSafetyTests {
    @Test("a plugin file writable by group or others is refused with the reason; the override loads it")
    func writableFile() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let path = try harness.fixture("libopen.so", ["FIXTURE_ID": quoted("open")])
        #expect(chmod(path, 0o666) == 0)
        let result = harness.loader().loadAll()
        #expect(harness.registry.plugins.isEmpty)
        let failure = try #require(result.failures.first)
        let (refused, reason) = try #require(
            failure.error.insecurity, "expected insecure, got \(failure.error)")
        #expect(refused == path && reason.contains("writable by group or others (mode 0666)"))
        #expect(failure.error.description.contains("BOSS_PLUGINS_INSECURE=1"))

        let trusting = harness.loader(
            policy: PluginFilePolicy(allowInsecure: true), registry: PluginRegistry())
        #expect(trusting.loadAll().added.map(\.id) == ["open"])
    }

    @Test("a group-writable plugins folder refuses every file; after chmod the next scan loads them")
    func writableFolder() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        try harness.fixture("libinside.so", ["FIXTURE_ID": quoted("inside")])
        #expect(chmod(harness.plugins, 0o775) == 0)
        let loader = harness.loader()
        let failure = try #require(loader.loadAll().failures.first)
        #expect(
            failure.error
                == .insecure(path: harness.plugins, reason: "writable by group or others (mode 0775)"))
        #expect(chmod(harness.plugins, 0o755) == 0)
        _ = loader.rescan()  // a changed file is loaded once it looks the same twice in a row
        #expect(loader.rescan().added.map(\.id) == ["inside"], "fixed modes are picked up without a restart")
    }

    @Test("a plugin owned by another user than the host's is refused")
    func foreignOwner() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        let path = try harness.fixture("libtheirs.so", ["FIXTURE_ID": quoted("theirs")])
        let stranger = geteuid() &+ 4242
        let policy = PluginFilePolicy(trustedOwners: [stranger])
        let failure = try #require(harness.loader(policy: policy).loadAll().failures.first)
        let reason = try #require(failure.error.insecurity, "expected insecure, got \(failure.error)").reason
        #expect(reason.contains("owned by uid \(geteuid())"), "\(path): \(reason)")
        #expect(harness.registry.plugins.isEmpty)
    }

    @Test("BOSS_PLUGINS_INSECURE=1 reaches the loader of the runtime")
    func overrideSetting() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            #expect(chmod(harness.pluginsDirectory + "/libbehaviour.so", 0o666) == 0)
            #expect(try harness.runtime().registry.plugins.isEmpty)
            let trusting = try harness.runtime(extra: ["BOSS_PLUGINS_INSECURE": "1"])
            #expect(trusting.registry.plugins.map(\.manifest.id) == ["behaviour"])
        }
    }

    @Test("a symlinked plugin is loaded from a private copy of its target's bytes, not a copied link")
    func symlinkCopiesBytes() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        try Self.linkPlugin(in: harness)
        _ = harness.loader().loadAll()
        let plugin = try #require(harness.registry.plugin(id: "linked"))
        var info = stat()
        #expect(lstat(plugin.imagePath, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFREG, "the private copy is a regular file")
        #expect(info.st_mode & 0o022 == 0, "nobody else may write the private copy")
    }

    @Test("a symlink is checked at its target: a target in a group-writable folder is refused")
    func symlinkTargetChecked() throws {
        let harness = try LoaderHarness()
        defer { harness.cleanUp() }
        try Self.linkPlugin(in: harness)
        #expect(chmod(harness.staging, 0o777) == 0)
        let failure = try #require(harness.loader().loadAll().failures.first)
        #expect(
            failure.error
                == .insecure(path: harness.staging, reason: "writable by group or others (mode 0777)"))
    }

    /// Builds plugin `linked` in the staging folder and links it into the plugins folder.
    static func linkPlugin(in harness: LoaderHarness) throws {
        let target = try CPluginBuilder.build(
            source: "fixture_plugin.c", defines: ["FIXTURE_ID": quoted("linked")], into: harness.staging,
            name: "liblinked.so")
        #expect(symlink(target, harness.plugins + "/liblinked.so") == 0)
    }
}
