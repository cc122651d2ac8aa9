import BossCore
import Foundation
import TestSupport
import Testing

@Suite("Extraction through a real plugin into the enforced sink")
struct ExtractionSinkTests {
    @Test("fetch_to_file streams the exact bytes, typed by content")
    func fetchToFile() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let result = try await harness.runtime().extract(
                harness.url("fetch", harness.server.url("/media/cat.png")))
            let file = try #require(result.files.first)
            #expect(result.files.count == 1 && file.type == .png && file.name == "cat.png")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(ExtractionHarness.png))
            #expect(result.route == ["behaviour"])
        }
    }

    @Test("an executable named .jpg is refused and nothing stays on disk")
    func disguisedExecutable() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime()
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract(harness.url("fetch", harness.server.url("/media/pic.jpg")))
            }
            #expect(error?.category == .limit)
            #expect(error?.userMessage.contains("not a supported") == true)
            #expect(
                !FileManager.default.fileExists(
                    atPath: runtime.dataDirectory.jobDirectory(JobID(rawValue: 1))))
        }
    }

    @Test("a stream exactly at the limit is kept; one byte more fails with TOO_LARGE")
    func sizeLimit() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime(maxFileMB: 1)
            let exact = try await runtime.extract(harness.url("stream", "1048576/exact"))
            #expect(exact.files.first?.size == 1_048_576)
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract(harness.url("stream", "1048577/over"), job: 2)
            }
            #expect(error?.userMessage.contains("larger than") == true)
            #expect(
                !FileManager.default.fileExists(
                    atPath: runtime.dataDirectory.jobDirectory(JobID(rawValue: 2))))
        }
    }

    @Test("http_get relays the body through the plugin's own callback")
    func httpGetRelay() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let result = try await harness.runtime().extract(harness.url("http", "media/cat.png"))
            let file = try #require(result.files.first)
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(ExtractionHarness.png))
        }
    }

    @Test("a file the plugin leaves open is aborted; OK without files is an error")
    func leakedHandle() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime()
            await #expect(throws: ExtractionError.noFiles(pluginID: "behaviour")) {
                try await runtime.extract(harness.url("leak", "x"))
            }
        }
    }
}
