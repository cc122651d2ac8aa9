import BossCore
import Foundation
import Logging
import PluginABI
import TestSupport
import Testing

/// `boss_file*` handles are checked, never trusted as pointers: each misuse a buggy plugin makes gets
/// BOSS_ERR_INVALID_ARGUMENT and a log line naming the plugin, and the host (this process) lives on.
@Suite("Plugins' file handles: finished, forged or foreign ones are refused")
struct HandleSafetyTests {
    struct Setup {
        let harness: ExtractionHarness
        let runtime: HostRuntime
        let logPath: String

        /// The abuse plugin built into `harness`'s plugins folder, and a runtime that logs to a file.
        static func make(_ harness: ExtractionHarness) throws -> Setup {
            _ = try CPluginBuilder.build(
                source: "handle_abuse_plugin.c", into: harness.pluginsDirectory, name: "libabuse.so")
            let logPath = harness.root + "/host.log"
            let output = LogOutput(
                format: .json, colour: false, stream: nil,
                file: try RotatingLogFile(path: logPath, maxBytes: 1 << 20, keep: 1))
            let logger = Logger(label: "test") { _ in
                RedactingLogHandler(label: "test", output: output, secrets: [])
            }
            return Setup(harness: harness, runtime: try harness.runtime(logger: logger), logPath: logPath)
        }

        /// The status the plugin's extract returned for `mode` (it returns the status of its misuse).
        func status(_ mode: String, job: Int64) async -> boss_status? {
            do {
                _ = try await runtime.extract("https://abuse.example/\(mode)", job: job)
                return BOSS_OK
            } catch {
                guard case .pluginFailed(_, let status, _, _) = error else { return nil }
                return status
            }
        }

        /// Log lines about refused handles.
        var refusals: [String] {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map(String.init).filter { $0.contains("handle that is") }
        }
    }

    @Test(
        "abort after a failed write, forged file or job, end twice, an earlier job's file or job: refused, logged",
        arguments: ["afterfail", "garbage", "double", "stale", "garbagejob", "stalejob"])
    func misuse(_ mode: String) async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            let setup = try Setup.make(harness)
            if let earlier = ["stale": "keep", "stalejob": "keepjob"][mode] {
                #expect(await setup.status(earlier, job: 1) == BOSS_ERR_NO_MEDIA)
            }
            #expect(await setup.status(mode, job: 2) == BOSS_ERR_INVALID_ARGUMENT)
            let line = try #require(setup.refusals.first, "no log line for \(mode)")
            #expect(line.contains("plugin abuse passed ") && line.contains("refused"), "\(line)")
            #expect(line.contains("\"plugin\":\"abuse\"") && line.contains("\"job\":\"2\""), "\(line)")
        }
    }

    @Test("a live handle of another running job is refused on this job's thread")
    func foreignLiveHandle() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            let setup = try Setup.make(harness)
            let control = JobControl()
            let holder = Task {
                try? await setup.runtime.extract("https://abuse.example/hold", job: 1, control: control)
            }
            let image = try #require(setup.runtime.registry.plugin(id: "abuse")).imagePath
            #expect(
                await eventually(within: .seconds(60)) { exportedCounter("abuse_holding", in: image) == 1 })
            #expect(await setup.status("foreign", job: 2) == BOSS_ERR_INVALID_ARGUMENT)
            control.cancel()
            _ = await holder.value
            #expect(setup.refusals.contains { $0.contains("plugin abuse passed file_write") })
        }
    }
}
