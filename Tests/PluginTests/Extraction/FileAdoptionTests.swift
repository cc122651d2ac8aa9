import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

@Suite("file_adopt: a tool's finished file joins the job after the sink's checks, without a copy")
struct FileAdoptionTests {
    @Test(
        "a file of the work folder is moved in: typed by content, named by the plugin, gone from the folder")
    func adopted() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let result = try await harness.runtime().extract(harness.url("adopt", "png"))
            let file = try #require(result.files.first)
            #expect(result.files.count == 1 && file.type == .png && file.name == "tool output.png")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file.path)))
            #expect(bytes.count == 300_000 && bytes.starts(with: MediaSamples.png) && bytes.last == 0xAB)
        }
    }

    @Test(
        "refused, and left where it was: a link, a second name, a file outside the work folder",
        arguments: ["symlink", "hardlink", "outside"])
    func refusedPaths(which: String) async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime()
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract(harness.url("adopt", which))
            }
            let failure = try #require(error?.pluginFailure)
            #expect(failure.status == BOSS_ERR_INVALID_ARGUMENT)
            #expect(
                !FileManager.default.fileExists(
                    atPath: runtime.dataDirectory.jobDirectory(JobID(rawValue: 1))))
        }
    }

    @Test("the sink's own checks: bytes that are not media, a file over the size limit")
    func sinkChecks() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime(maxFileMB: 1)
            let text = await #expect(throws: ExtractionError.self) {
                try await runtime.extract(harness.url("adopt", "text"))
            }
            #expect(try #require(text?.pluginFailure).status == BOSS_ERR_BAD_TYPE)
            let big = await #expect(throws: ExtractionError.self) {
                try await runtime.extract(harness.url("adopt", "big"), job: 2)
            }
            #expect(try #require(big?.pluginFailure).status == BOSS_ERR_TOO_LARGE)
        }
    }
}
