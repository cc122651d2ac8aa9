import BossCore
import Foundation
import Logging
import TestSupport
import Testing

/// The storage quota tracks what is on disk: bytes a crash left in a job's folder are counted at
/// start, and given back when the job runs again and its folder is emptied first.
@Suite("Storage quota accounting")
struct QuotaAccountingTests {
    @Test("a job run again after a crash frees what its earlier attempt left, in the quota too")
    func leftoverFolderReleased() async throws {
        try await withTemporaryFolder(prefix: "boss-quota") { folder in
            let root = folder.path
            let plugins = root + "/plugins.d"
            try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: BuildProducts.directory + "/libDirectMediaExtractor.so",
                toPath: plugins + "/libDirectMediaExtractor.so")
            try await withHarness(
                TestHTTPServer.start([
                    "/media/cat.png": .bytes(CLIHarness.png, contentType: "image/png")
                ])
            ) { media in
                // What an attempt of job 1 interrupted by a crash left behind.
                let leftover = root + "/data/downloads/1"
                try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
                try Data(count: 300_000).write(to: URL(fileURLWithPath: leftover + "/half.part"))
                let environment = HostEnvironment(values: [
                    "BOSS_PLUGINS_DIR": plugins, "BOSS_DATA_DIR": root + "/data",
                    "BOSS_ALLOW_PRIVATE_NETWORKS": "1",
                ])
                let runtime = try HostRuntime(
                    settings: try HostSettings(environment: environment), logger: Logger(label: "test"))
                _ = runtime.loader.loadAll()
                let atStart = runtime.quota.usage.usedBytes
                #expect(atStart >= 300_000, "the leftover is counted at start")
                let result = try await runtime.runner.extract(
                    ExtractionRequest(jobID: JobID(rawValue: 1), url: media.url("/media/cat.png")),
                    control: JobControl())
                #expect(result.files.map(\.size) == [Int64(CLIHarness.png.count)])
                #expect(!FileManager.default.fileExists(atPath: leftover + "/half.part"))
                #expect(runtime.quota.usage.usedBytes == atStart - 300_000 + Int64(CLIHarness.png.count))
            }
        }
    }
}
