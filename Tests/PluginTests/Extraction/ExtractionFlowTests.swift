import BossCore
import Foundation
import TestSupport
import Testing

@Suite("Extraction flow: routing, redirects, errors, cancellation, dry runs")
struct ExtractionFlowTests {
    @Test("a URL no plugin claims is a user-input error")
    func unsupported() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime()
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract("https://nothing.invalid/p")
            }
            // Only the host's probe could try it (no extension), and it could not reach the host.
            #expect(error == .unsupportedURL("https://nothing.invalid/p", tried: ["probe"]))
            #expect(error?.category == .userInput)
        }
    }

    @Test("redirect hands the job on; a circle is stopped")
    func redirects() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime()
            let target = harness.url("fetch", harness.server.url("/media/cat.png"))
            let result = try await runtime.extract(harness.url("redirect", target))
            #expect(result.route == ["behaviour", "behaviour"] && result.files.count == 1)
            let circle = harness.url("redirect", harness.url("redirect", "x"))
            await #expect(throws: ExtractionError.self) { try await runtime.extract(circle, job: 2) }
        }
    }

    @Test("a plugin's error detail reaches the user; the category follows the status")
    func failureDetail() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let error = await #expect(throws: ExtractionError.self) {
                try await harness.runtime().extract(harness.url("fail", "x"))
            }
            #expect(
                error?.userMessage == "This post was deleted by its author." && error?.category == .upstream)
        }
    }

    @Test(
        "cancellation reaches a plugin blocked until it sees it (latency: make bench)",
        .timeLimit(.minutes(1)))
    func cancellation() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime()
            let control = JobControl()
            Task {
                try await Task.sleep(for: .milliseconds(200))
                control.cancel()
            }
            let clock = ContinuousClock()
            let started = clock.now
            await #expect(throws: ExtractionError.cancelled) {
                try await runtime.extract(harness.url("slow", "x"), control: control)
            }
            #expect(
                clock.now - started < .seconds(30), "the slow mode only ends when it sees the cancellation")
        }
    }

    @Test("metadata from the plugin; unknown keys refused")
    func metadata() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let result = try await harness.runtime().extract(
                harness.url("meta", harness.server.url("/media/cat.png")))
            #expect(
                result.metadata.title == "A title" && result.metadata.author == "someone"
                    && result.metadata.isNSFW)
        }
    }

    @Test("a dry run records what would be fetched and downloads nothing")
    func dryRun() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let media = harness.server.url("/media/cat.png")
            let result = try await harness.runtime().extract(harness.url("dry", media), dryRun: true)
            #expect(result.planned == [PlannedDownload(url: media, suggestedName: "planned-name")])
            #expect(result.files.isEmpty && harness.server.hits("/media/cat.png") == 0)
        }
    }

    @Test("the SSRF guard covers plugin requests: loopback refused, no request made")
    func ssrfThroughPlugin() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime(allowPrivateNetworks: false)
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract(harness.url("fetch", harness.server.url("/media/cat.png")))
            }
            #expect(error?.category == .network && harness.server.hits("/media/cat.png") == 0)
        }
    }

    @Test("the Swift plugin built by the package downloads a direct link")
    func swiftPlugin() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installDirectPlugin()
            let runtime = try harness.runtime()
            #expect(runtime.registry.plugin(id: "direct")?.manifest.version == "1.0.0")
            let result = try await runtime.extract(harness.server.url("/media/cat.png"))
            #expect(result.pluginID == "direct" && result.files.first?.type == .png)
            #expect(result.metadata.sourceURL == harness.server.url("/media/cat.png"))
        }
    }
}
