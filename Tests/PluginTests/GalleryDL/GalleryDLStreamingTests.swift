import BossCore
import Foundation
import TestSupport
import Testing

@Suite("gallery-dl plugin: files reach the sink while gallery-dl still runs")
struct GalleryDLStreamingTests {
    @Test("a finished file is delivered before gallery-dl exits; a `.part` file is not")
    func streamsEachFinishedFile() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installPlugin(product: "GalleryDLExtractor")
            // Stands in for gallery-dl on a two-file gallery: the second file waits for the test's go-ahead,
            // which comes only once the first is in the sink.
            let png = harness.root + "/source.png"
            let bytes = MediaSamples.file(MediaSamples.png, filler: 5000, modulo: 251)
            _ = FileManager.default.createFile(atPath: png, contents: Data(bytes))
            let fake = harness.root + "/fake-gallery-dl.sh"
            try """
            #!/bin/sh
            while [ "$1" != "-D" ]; do shift; done; dir="$2"
            cp '\(png)' "$dir/one.png.part"; mv "$dir/one.png.part" "$dir/one.png"
            cp '\(png)' "$dir/two.png.part"
            n=0; while [ ! -e "$dir/../go" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n+1)); done
            mv "$dir/two.png.part" "$dir/two.png"
            """.write(toFile: fake, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
            let runtime = try harness.runtime(extra: ["BOSS_PLUGIN_GALLERYDL_BIN": fake])
            let job = JobID(rawValue: 1)
            let extraction = Task { try await runtime.extract("https://gallery.example/album/1") }
            let delivered = runtime.dataDirectory.jobDirectory(job)
            let unfinished = runtime.dataDirectory.workDirectory(job) + "/files/two.png.part"
            // Seen together: the first file in the sink while the second is still being written.
            let firstInSink = await eventually {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: delivered)) ?? []
                return names.count == 1 && names[0].hasPrefix("one")
                    && FileManager.default.fileExists(atPath: unfinished)
            }
            #expect(firstInSink, "the first file was not streamed while gallery-dl ran")
            _ = FileManager.default.createFile(
                atPath: runtime.dataDirectory.workDirectory(job) + "/go", contents: nil)
            let result = try await extraction.value
            #expect(result.files.map(\.name).sorted() == ["one.png", "two.png"])
        }
    }
}
