import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("The fallback chain: the next candidate when one says unsupported; links without extensions")
struct FallbackChainTests {
    /// Two behaviour plugins of the same priority: `aaa` routes first (ties: the smaller id).
    func install(_ harness: ExtractionHarness, passing: [String]) throws {
        for id in ["aaa", "bbb"] {
            var defines = ["BEHAVIOUR_ID": "\"\(id)\""]
            if passing.contains(id) { defines["BEHAVIOUR_PASSES"] = "1" }
            _ = try CPluginBuilder.build(
                source: "behaviour_plugin.c", defines: defines, into: harness.pluginsDirectory,
                name: "lib\(id).so")
        }
    }

    @Test("a plugin answering unsupported passes the URL to the next; the last verdict names every one")
    func nextCandidate() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try install(harness, passing: ["aaa"])
            let url = harness.url("pass", harness.server.url("/media/cat.png"))
            let result = try await harness.runtime().extract(url)
            #expect(result.pluginID == "bbb" && result.route == ["bbb"] && result.files.count == 1)
            try await withHarness(ExtractionHarness.make()) { both in
                try install(both, passing: ["aaa", "bbb"])
                let refused = both.url("pass", both.server.url("/media/cat.png"))
                let runtime = try both.runtime()
                let error = await #expect(throws: ExtractionError.self) { try await runtime.extract(refused) }
                #expect(error == .unsupportedURL(refused, tried: ["aaa", "bbb"]))
                #expect(error?.userMessage.contains("tried aaa, bbb") == true)
            }
        }
    }

    @Test("a media link without an extension is delivered with the type its bytes say")
    func extensionlessMedia() async throws {
        try await withHarness(
            ExtractionHarness.make([
                "/blob/8412": .bytes(ExtractionHarness.png, contentType: "image/png")
            ])
        ) { harness in
            try harness.installDirectPlugin()
            let result = try await harness.runtime().extract(harness.server.url("/blob/8412"))
            let file = try #require(result.files.first)
            #expect(result.pluginID == "probe" && file.type == .png && file.name == "8412.png")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(ExtractionHarness.png))
            #expect(result.metadata.sourceURL == harness.server.url("/blob/8412"))
        }
    }

    @Test("a page without media is declined after its first bytes: a quick 'not supported'")
    func pageDeclined() async throws {
        let page = Array(
            ("<!doctype html><html><body>" + String(repeating: "text ", count: 100_000) + "</body>").utf8)
        try await withHarness(
            ExtractionHarness.make(["/about/team": .bytes(page, contentType: "text/html")]
            )
        ) { harness in
            try harness.installDirectPlugin()
            let url = harness.server.url("/about/team")
            let runtime = try harness.runtime()
            let started = ContinuousClock.now
            let error = await #expect(throws: ExtractionError.self) { try await runtime.extract(url) }
            #expect(error == .unsupportedURL(url, tried: ["probe"]))
            #expect(
                ContinuousClock.now - started < .seconds(30),
                "measured by make bench; this only guards a hang")
            #expect(StorageQuota.measure(directory: harness.dataDirectory + "/downloads") == 0)
        }
    }

    @Test("with private networks off, the probe refuses a loopback link outright")
    func probeGuarded() async throws {
        try await withHarness(ExtractionHarness.make(["/blob/1": .bytes(ExtractionHarness.png)])) { harness in
            try harness.installDirectPlugin()
            let guarded = try harness.runtime(allowPrivateNetworks: false)
            let error = await #expect(throws: ExtractionError.self) {
                try await guarded.extract(harness.server.url("/blob/1"))
            }
            let failure = try #require(error?.pluginFailure, "unexpected \(String(describing: error))")
            #expect(failure.pluginID == "probe")
            #expect(
                failure.status == BOSS_ERR_BLOCKED_ADDRESS && harness.server.hits("/blob/1") == 0)
        }
    }
}
