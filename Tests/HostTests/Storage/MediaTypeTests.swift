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

    @Test(
        "two sync bytes are not an MP3: the frame header must be valid and the next frame must follow it",
        arguments: [
            [0xFF, 0xFB], [0xFF, 0xFB, 0x90, 0x64],  // a valid header, then no second frame
            Samples.mpegFrame([0xFF, 0xFB, 0xF0, 0x64]) + [0xFF, 0xFB, 0xF0, 0x64],  // bitrate index 15
            Samples.mpegFrame([0xFF, 0xFB, 0x00, 0x64]) + [0xFF, 0xFB, 0x00, 0x64],  // free format
            Samples.mpegFrame([0xFF, 0xFB, 0x9C, 0x64]) + [0xFF, 0xFB, 0x9C, 0x64],  // sample rate index 3
            Samples.mpegFrame([0xFF, 0xEB, 0x90, 0x64]) + [0xFF, 0xEB, 0x90, 0x64],  // reserved version
            Samples.mpegFrame([0xFF, 0xFB, 0x90, 0x64]) + [0xFF, 0xF3, 0x90, 0x64],  // next: other version
            Array("ID3".utf8) + [0xFF, 0, 0, 0, 0, 0, 0], Array("ID3".utf8) + [4, 0, 0, 0x80, 0, 0, 0],
        ] as [[UInt8]])
    func notMP3(_ head: [UInt8]) {
        #expect(MediaType.detect(Samples.padded(head, to: 2_000)) == nil)
    }

    @Test(
        "two sync bytes are not AAC: the ADTS header must be valid and the next frame must follow it",
        arguments: [
            Samples.padded([0xFF, 0xF1], to: 1_800), Samples.padded([0xFF, 0xF1, 0x50, 0x80], to: 1_800),
            Samples.adtsFrame(length: 300) + [0xFF, 0xF1, 0x50, 0x80],  // the file ends in the next header
            // Sample rate index 13 (reserved); then a frame shorter than its own header.
            Samples.padded(
                Samples.adtsFrame(length: 300, rates: 0x74) + Samples.adtsFrame(length: 300), to: 2_000),
            Samples.padded(Samples.adtsFrame(length: 5) + Samples.adtsFrame(length: 300), to: 2_000),
            Samples.padded(
                Samples.adtsFrame(length: 300) + Samples.mpegFrame([0xFF, 0xFB, 0x90, 0x64]), to: 2_000),
            Array(Samples.adtsFrame(length: 300).prefix(200)),  // a file that ends inside its first frame
        ] as [[UInt8]])
    func notAAC(_ bytes: [UInt8]) {
        #expect(MediaType.detect(bytes) == nil)
    }

    @Test(
        "ISO base media files are typed by brand: HEIF/AVIF are images, only known brands are video",
        arguments: [
            ("heic", Samples.isoBMFF("heic", compatible: ["mif1", "heic"])),
            ("heic", Samples.isoBMFF("heix", compatible: ["mif1"])),
            ("heic", Samples.isoBMFF("mif1", compatible: ["mif1", "heic"])),
            ("heic", Samples.isoBMFF("msf1", compatible: ["msf1", "hevc"])),
            ("avif", Samples.isoBMFF("avif", compatible: ["avif", "mif1", "miaf", "MA1B"])),
            ("avif", Samples.isoBMFF("avis", compatible: ["avis", "msf1", "miaf"])),
            ("avif", Samples.isoBMFF("mif1", compatible: ["mif1", "avif"])),
            ("mp4", Samples.isoBMFF("isom", compatible: ["isom", "iso2", "avc1", "mp41"])),
            ("mp4", Samples.isoBMFF("XYZW", compatible: ["XYZW", "isom"])),
            ("mov", Samples.isoBMFF("qt  ", compatible: ["qt  "])),
            ("m4a", Samples.isoBMFF("M4A ", compatible: ["M4A ", "mp42", "isom"])),
            (nil, Samples.isoBMFF("XYZW", compatible: ["XYZW", "abcd"])),
            (nil, Samples.isoBMFF("crx ", compatible: ["crx "])),
        ] as [(String?, [UInt8])])
    func isoBrands(_ expected: String?, _ head: [UInt8]) {
        let type = MediaType.detect(Samples.padded(head))
        #expect(type?.rawValue == expected)
        #expect(type?.isVideo != true || expected == "mp4" || expected == "mov", "no image goes to ffmpeg")
    }

    @Test("the extension and MIME type follow the type")
    func naming() {
        #expect(MediaType.jpeg.fileExtension == "jpg" && MediaType.mov.mimeType == "video/quicktime")
        #expect(MediaType.webm.isVideo && !MediaType.mp3.isVideo)
        #expect(!MediaType.heic.isVideo && !MediaType.avif.isVideo, "images never go to ffmpeg")
        #expect(MediaType.heic.mimeType == "image/heic" && MediaType.avif.fileExtension == "avif")
    }
}
