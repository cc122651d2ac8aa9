import BossCore
import Foundation
import TestSupport
import Testing

@Suite("Job options reach plugins through job_option")
struct JobOptionTests {
    @Test("quality and the destination's limit are readable; unset and unknown options are NULL")
    func optionsReachThePlugin() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installBehaviourPlugin()
            let runtime = try harness.runtime()
            let url = harness.url("options", harness.server.url("/media/cat.png"))
            let options = JobOptions(quality: "720", maxBytes: 10_485_760)
            let result = try await runtime.runner.extract(
                ExtractionRequest(jobID: JobID(rawValue: 1), url: url, options: options),
                control: JobControl())
            #expect(result.metadata.title == "720" && result.metadata.author == "10485760")
            let plain = try await runtime.extract(url, job: 2)
            #expect(plain.metadata.title == "none" && plain.metadata.author == "none")
        }
    }

    @Test("options survive the queue: stored with the job's context and read back")
    func optionsAreCodable() throws {
        let options = JobOptions(audioOnly: true, quality: "best", maxBytes: 1)
        let decoded = try JSONDecoder().decode(JobOptions.self, from: JSONEncoder().encode(options))
        #expect(decoded == options && decoded.value(for: "audio") == "1" && decoded.value(for: "x") == nil)
    }
}
