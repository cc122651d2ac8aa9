import BossCore
import Foundation
import TestSupport
import Testing

@Suite("The media sink checks every byte")
struct MediaSinkTests {
    @Test("exactly at the limit is kept; one byte over fails and the partial file is gone at once")
    func sizeLimit() throws {
        let harness = try SinkHarness(limit: 1_000)
        defer { harness.cleanUp() }
        let exact = try harness.store(
            MediaSamples.padded(MediaSamples.png, to: 1_000), name: "exact", chunk: 1)
        #expect(exact.size == 1_000 && exact.name == "exact.png")
        #expect(throws: SinkError.tooLarge(name: "over", limitBytes: 1_000)) {
            try harness.store(MediaSamples.padded(MediaSamples.png, to: 1_001), name: "over", chunk: 100)
        }
        #expect(harness.allFiles() == ["job", "job/exact.png"])
        #expect(harness.quota.usage.usedBytes == 1_000, "the refused file's bytes were given back")
    }

    @Test("a declared size over the limit fails before any byte")
    func declaredSize() throws {
        let harness = try SinkHarness(limit: 1_000)
        defer { harness.cleanUp() }
        #expect(throws: SinkError.tooLarge(name: "big", limitBytes: 1_000)) {
            try harness.sink.begin(suggestedName: "big", expectedSize: 1_001)
        }
    }

    @Test("a disguised executable named .jpg is refused and leaves nothing; a PNG named .jpg becomes .png")
    func typeByContent() throws {
        let harness = try SinkHarness()
        defer { harness.cleanUp() }
        #expect(throws: SinkError.self) {
            try harness.store(MediaSamples.padded(MediaSamples.elf), name: "cat.jpg")
        }
        #expect(try harness.store(MediaSamples.padded(MediaSamples.png), name: "cat.jpg").name == "cat.png")
        #expect(throws: SinkError.self) { try harness.store(Array("<html>tiny".utf8), name: "short") }
        #expect(throws: SinkError.empty(name: "none")) { try harness.store([], name: "none") }
        #expect(harness.allFiles() == ["job", "job/cat.png"])
    }

    @Test(
        "hostile names become safe names inside the job folder",
        arguments: [
            "../../x", "/etc/passwd", "a\u{0}b", "evil\u{202E}gpj.exe", String(repeating: "é", count: 250),
            "", ".", "..",
            ".hidden", "127.0.0.1:8080__file.jpg", "a/b\\c", "con\u{7}trol", "zero\u{200B}width",
            "e" + String(repeating: "\u{301}", count: 60),  // one grapheme of 121 bytes
        ])
    func hostileNames(_ name: String) throws {
        let harness = try SinkHarness()
        defer { harness.cleanUp() }
        let stored = try harness.store(MediaSamples.padded(MediaSamples.png), name: name)
        #expect(stored.path == harness.job + "/" + stored.name)
        #expect(!stored.name.hasPrefix(".") && !stored.name.contains("/") && !stored.name.contains(":"))
        #expect(stored.name.utf8.count <= 100 && stored.name.hasSuffix(".png") && stored.name.count > 4)
        #expect(
            !stored.name.unicodeScalars.contains {
                $0.value < 0x20 || (0x202A...0x202E).contains($0.value) || $0.value == 0x200B
            })
        #expect(harness.allFiles() == ["job", "job/" + stored.name])
    }

    @Test("a name whose first grapheme alone is over the byte budget becomes the fallback name")
    func oversizedGrapheme() {
        let grapheme = "e" + String(repeating: "\u{301}", count: 60)
        #expect(FileNameSanitizer.sanitize(grapheme, extension: "png") == "media.png")
        #expect(FileNameSanitizer.sanitize(grapheme + "cat", extension: "png") == "media.png")
        #expect(FileNameSanitizer.sanitize("cat" + grapheme, extension: "png") == "cat.png")
    }

    @Test("a symlink planted under the would-be name is not followed")
    func symlink() throws {
        let harness = try SinkHarness()
        defer { harness.cleanUp() }
        let outside = harness.root + "/outside.png"
        try FileManager.default.createSymbolicLink(
            atPath: harness.job + "/clip.png", withDestinationPath: outside)
        let stored = try harness.store(MediaSamples.padded(MediaSamples.png), name: "clip")
        #expect(stored.name == "clip-2.png" && !FileManager.default.fileExists(atPath: outside))
    }

    @Test("duplicate names within a job get unique ones")
    func duplicates() throws {
        let harness = try SinkHarness()
        defer { harness.cleanUp() }
        let names = try (0..<3).map { _ in
            try harness.store(MediaSamples.padded(MediaSamples.png), name: "same.jpg").name
        }
        #expect(names == ["same.png", "same-2.png", "same-3.png"])
        #expect(harness.sink.files.map(\.name) == names)
    }

    @Test("duplicate names at the byte budget keep their counter: the stem is cut, not the suffix")
    func longDuplicates() throws {
        let harness = try SinkHarness()
        defer { harness.cleanUp() }
        let long = String(repeating: "é", count: 150)
        let names = try (0..<3).map { _ in
            try harness.store(MediaSamples.padded(MediaSamples.png), name: long).name
        }
        #expect(Set(names).count == 3, "\(names)")
        #expect(names.allSatisfy { $0.utf8.count <= FileNameSanitizer.maxBytes && $0.hasPrefix("éé") })
        #expect(names[1].hasSuffix("é-2.png") && names[2].hasSuffix("é-3.png"))
    }

    @Test("the quota: a file that would exceed it fails mid-way, is deleted, and the usage goes back")
    func quota() throws {
        let harness = try SinkHarness(limit: 10_000, quotaBytes: 5_000)
        defer { harness.cleanUp() }
        _ = try harness.store(MediaSamples.padded(MediaSamples.png, to: 3_000), name: "first")
        let error = #expect(throws: SinkError.self) {
            try harness.store(MediaSamples.padded(MediaSamples.png, to: 3_000), name: "second")
        }
        if case .quotaExceeded = error {} else { Issue.record("\(String(describing: error))") }
        #expect(harness.quota.usage.usedBytes == 3_000 && harness.allFiles() == ["job", "job/first.png"])
        #expect(
            harness.quota.usage.percent == 60
                && harness.quota.usage.description == "0.0 MB (3000 bytes) of 0 MB (60.0%)")
    }

    @Test("an aborted file and a closed sink leave nothing behind")
    func abort() throws {
        let harness = try SinkHarness()
        defer { harness.cleanUp() }
        let file = try harness.sink.begin(suggestedName: "gone", expectedSize: nil)
        try MediaSamples.padded(MediaSamples.png).withUnsafeBytes { try file.write($0) }
        file.abort()
        #expect(throws: SinkError.finished) { try file.finish() }
        let open = try harness.sink.begin(suggestedName: "open", expectedSize: nil)
        try MediaSamples.padded(MediaSamples.png).withUnsafeBytes { try open.write($0) }
        harness.sink.close()
        #expect(harness.allFiles() == ["job"] && harness.quota.usage.usedBytes == 0)
    }
}
