import BossCore
import Foundation
import PluginABI
import TestSupport
import Testing

/// A run of a stand-in yt-dlp: progress and metadata read from its output while it runs, the finished
/// file streamed into the sink, and cancel and deadline stopping every process of its group.
@Suite("yt-dlp plugin: progress, metadata, files, cancel and deadline")
struct YtDlpRunTests {
    @Test("progress lines reach the job's progress while yt-dlp runs; title, uploader and page from its JSON")
    func progressAndMetadata() async throws {
        try await withHarness(ExtractionHarness.with(product: "YtDlpExtractor")) { harness in
            let clip = harness.root + "/clip.mp4"
            try YtDlpSupport.makeMP4(at: clip)
            let info =
                #"{"title": "A clip", "uploader": "Someone", "webpage_url": "https://youtu.be/abcdefghijk"}"#
            let fake = try YtDlpSupport.standIn(
                harness,
                """
                echo 'boss-info \(info)'
                echo 'boss-progress 1024 4096 NA'
                echo 'boss-progress 4096 4096 NA'
                echo 'boss-progress 500 NA 2000.5'
                n=0; while [ ! -e go ] && [ $n -lt 300 ]; do sleep 0.05; n=$((n+1)); done
                mkdir -p files; cp '\(clip)' 'files/A clip [abcdefghijk].mp4'
                echo "boss-file \\"$PWD/files/A clip [abcdefghijk].mp4\\""

                """)
            let runtime = try harness.runtime(extra: [YtDlpSupport.bin: fake])
            let control = JobControl()
            let extraction = Task {
                try await YtDlpSupport.extract(runtime, "https://youtu.be/abcdefghijk", control: control)
            }
            // The second download (the audio of a merge) counts on from the first.
            let reported = await eventually { control.progress == JobProgress(done: 4596, total: 6096) }
            #expect(reported, "progress seen: \(control.progress)")
            _ = FileManager.default.createFile(
                atPath: runtime.dataDirectory.workDirectory(JobID(rawValue: 1)) + "/go", contents: nil)
            let result = try await extraction.value
            let file = try #require(result.files.first)
            #expect(result.files.count == 1 && file.type == .mp4)
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: file.path))
                    == Data(contentsOf: URL(fileURLWithPath: clip)))
            #expect(result.metadata.title == "A clip" && result.metadata.author == "Someone")
            #expect(result.metadata.sourceURL == "https://youtu.be/abcdefghijk")
        }
    }

    /// Starts a job whose stand-in yt-dlp (and two children) sleep, stops it with `reason`, and checks
    /// the error and that nothing of the group is left.
    func stop(with reason: CancelReason, expecting expected: ExtractionError) async throws {
        try await withHarness(ExtractionHarness.with(product: "YtDlpExtractor")) { harness in
            let pidFile = harness.root + "/pid"
            let fake = try YtDlpSupport.standIn(
                harness, "echo $$ > '\(pidFile)'\nsleep 60 &\nsleep 60 &\nwait\n")
            let runtime = try harness.runtime(extra: [YtDlpSupport.bin: fake])
            let control = JobControl()
            let extraction = Task {
                try await YtDlpSupport.extract(runtime, "https://vimeo.com/76979871", control: control)
            }
            let pid = try await ProcessGroup.pid(recordedIn: pidFile)
            #expect(await eventually { ProcessGroup.livingMembers(of: pid).count == 3 })
            control.cancel(reason)
            await #expect(throws: expected) { try await extraction.value }
            #expect(ProcessGroup.livingMembers(of: pid).isEmpty)
        }
    }

    @Test("a cancelled run leaves no process of its group behind")
    func cancelLeavesNothing() async throws {
        try await stop(with: .requested, expecting: .cancelled)
    }

    @Test("past the job's deadline: timed out, no process left")
    func deadline() async throws {
        try await stop(with: .deadline(.seconds(90)), expecting: .timedOut(limit: .seconds(90)))
    }
}
