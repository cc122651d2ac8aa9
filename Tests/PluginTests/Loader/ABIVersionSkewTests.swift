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
    private func withHarness(_ body: (ExtractionHarness) async throws -> Void) async throws {
        let harness = try await ExtractionHarness.make()
        var failure: (any Error)?
        do { try await body(harness) } catch { failure = error }
        await harness.stop()
        if let failure { throw failure }
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
            #expect(result.files.map(\.size) == [Int64(ExtractionHarness.png.count)])
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
            #expect(result.files.map(\.size) == [Int64(ExtractionHarness.png.count)])
        }
    }

    @Test("a request too short for its v1 minimum (struct_size and url) is refused, not read past its end")
    func truncatedRequest() async throws {
        try await withHarness { harness in
            try install("SKEW_TINY_REQUEST", into: harness)
            let runtime = try harness.runtime()
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract(harness.url("skew", "cat.png"))
            }
            guard case .pluginFailed("skew_older", let status, _, let causes) = try #require(error) else {
                Issue.record("unexpected error: \(String(describing: error))")
                return
            }
            #expect(status == BOSS_ERR_INVALID_ARGUMENT)
            #expect(causes == ["boss_http_request of 4 bytes without url"])
            #expect(harness.server.hits("/media/cat.png") == 0)
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
