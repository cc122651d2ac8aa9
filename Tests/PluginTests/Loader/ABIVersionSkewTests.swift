import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

/// The ABI's promise (boss/version.h): a plugin built against an older or a newer ABI 1 header than the
/// host's, whose structs are shorter or longer, loads and works; the host touches only the fields inside
/// each struct's `struct_size`.
@Suite("ABI version skew: shorter (older v1) and longer (newer v1) plugin structs")
struct ABIVersionSkewTests {
    /// Builds abi_skew_plugin.c as `variant` into the harness's plugins folder.
    private func install(_ variant: String, into harness: ExtractionHarness) throws {
        _ = try CPluginBuilder.build(
            source: "abi_skew_plugin.c", defines: [variant: "1"], into: harness.pluginsDirectory,
            name: "lib\(variant.lowercased()).so")
    }

    /// Runs `body` with a harness and awaits its cleanup whatever `body` did.
    private func withHarness<T>(_ body: (ExtractionHarness) async throws -> T) async throws -> T {
        let harness = try await ExtractionHarness.make()
        let outcome: Result<T, any Error>
        do { outcome = .success(try await body(harness)) } catch { outcome = .failure(error) }
        await harness.stop()
        return try outcome.get()
    }

    @Test("an older v1 plugin (descriptor without health, short request and response) loads and works")
    func olderPlugin() async throws {
        try await withHarness { harness in
            try install("SKEW_OLDER", into: harness)
            let runtime = try harness.runtime()
            let plugin = try #require(runtime.registry.plugin(id: "skew_older"))
            // Its descriptor ends before `health`: what lies after it in memory is never called.
            #expect(plugin.health == nil)
            let result = try await runtime.extract(harness.url("skew", "cat.png"))
            #expect(result.metadata.title == "older v1")
            #expect(result.files.map(\.size) == [ExtractionHarness.png.count])
        }
    }

    @Test("a newer v1 plugin (every struct longer than the host's) loads, works and finds has_feature")
    func newerPlugin() async throws {
        try await withHarness { harness in
            try install("SKEW_NEWER", into: harness)
            let runtime = try harness.runtime()
            let plugin = try #require(runtime.registry.plugin(id: "skew_newer"))
            #expect(plugin.health == "newer health")
            let result = try await runtime.extract(harness.url("skew", "cat.png"))
            #expect(result.metadata.title == "newer v1")
            #expect(result.metadata.notes == ["The host has boss.note."])
            #expect(result.files.map(\.size) == [ExtractionHarness.png.count])
        }
    }

    @Test("a descriptor too short for ABI v1's minimum fields is refused with a clear error")
    func truncatedDescriptor() async throws {
        try await withHarness { harness in
            try install("SKEW_TRUNCATED", into: harness)
            let runtime = try harness.runtime()
            #expect(runtime.registry.plugin(id: "skew_truncated") == nil)
            let size = try #require(MemoryLayout<boss_plugin_descriptor>.offset(of: \.destroy))
            #expect(
                runtime.registry.failures.map(\.error) == [
                    .invalidDescriptor(
                        field: "struct_size",
                        reason: "\(size) bytes end before destroy, the last field every ABI v1 descriptor has"
                    )
                ])
        }
    }
}
