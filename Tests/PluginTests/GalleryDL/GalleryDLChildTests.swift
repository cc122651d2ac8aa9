import BossCore
import Foundation
import TestSupport
import Testing

@Suite("gallery-dl plugin: the child process it starts")
struct GalleryDLChildTests {
    @Test("the child inherits no descriptor of the host (a held lock would outlive its owner)")
    func noInheritedDescriptors() async throws {
        try await withHarness(ExtractionHarness.make()) { harness in
            try harness.installPlugin(product: "GalleryDLExtractor")
            let marker = harness.root + "/held-open"
            _ = FileManager.default.createFile(atPath: marker, contents: nil)
            // Glibc's open sets no O_CLOEXEC: the descriptor would survive a plain fork+exec.
            let descriptor = open(marker, O_RDONLY)
            defer { close(descriptor) }
            let report = harness.root + "/report"
            let fake = harness.root + "/fake-gallery-dl.sh"
            try "#!/bin/sh\nreadlink /proc/$$/fd/\(descriptor) > '\(report)'\nexit 64\n".write(
                toFile: fake, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake)
            let runtime = try harness.runtime(extra: ["BOSS_PLUGIN_GALLERYDL_BIN": fake])
            let error = await #expect(throws: ExtractionError.self) {
                try await runtime.extract("https://unsupported.example/page")
            }
            // gallery-dl's exit 64 is UNSUPPORTED_URL, so the fallback chain moves on and ends with every
            // step it tried. (The old `guard case .pluginFailed ... else { return }` passed on this.)
            #expect(
                error == .unsupportedURL("https://unsupported.example/page", tried: ["probe", "gallerydl"]))
            let inherited = try String(contentsOfFile: report, encoding: .utf8)
            #expect(FileManager.default.fileExists(atPath: report) && !inherited.contains("held-open"))
        }
    }
}
