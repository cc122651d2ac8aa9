import BossCore
import Testing

@Suite("Media types by content, never by name")
struct MediaTypeTests {
    @Test("every allowed signature is detected", arguments: Samples.all.indices)
    func signatures(_ index: Int) {
        let (type, head) = Samples.all[index]
        #expect(MediaType.detect(Samples.padded(head)) == type)
    }

    @Test(
        "executables, documents, archives and error pages are refused",
        arguments: [
            [0x7F, 0x45, 0x4C, 0x46], Array("MZ".utf8), Array("#!/bin/sh".utf8),
            Array("<!DOCTYPE html>".utf8),
            Array("<html>".utf8), Array("PK".utf8) + [3, 4], Array("%PDF-1.7".utf8), [0x1F, 0x8B, 0x08],
            Array("{\"a\":1}".utf8),
        ] as [[UInt8]])
    func refused(_ head: [UInt8]) {
        #expect(MediaType.detect(Samples.padded(head)) == nil)
    }

    @Test("the extension and MIME type follow the type")
    func naming() {
        #expect(MediaType.jpeg.fileExtension == "jpg" && MediaType.mov.mimeType == "video/quicktime")
        #expect(MediaType.webm.isVideo && !MediaType.mp3.isVideo)
    }
}
