import BossCore
import TestSupport
import Testing

@Suite("Media types by content, never by name")
struct MediaTypeTests {
    /// Each allowed type with signatures it is detected by.
    static let allowed: [(MediaType, [UInt8])] = [
        (.jpeg, MediaSamples.jpeg), (.png, MediaSamples.png), (.gif, MediaSamples.gif89a),
        (.gif, MediaSamples.gif87a), (.webp, MediaSamples.webp),
        (.heic, MediaSamples.isoBMFF("heic", compatible: ["mif1", "heic"])),
        (.avif, MediaSamples.isoBMFF("avif", compatible: ["avif", "mif1", "miaf"])),
        (.mp4, MediaSamples.mp4), (.mp4, MediaSamples.mp4v2), (.mov, MediaSamples.mov),
        (.m4a, MediaSamples.m4a),
        (.webm, MediaSamples.webm), (.mkv, MediaSamples.mkv), (.mp3, MediaSamples.mp3),
        // MPEG-1 128 kb/s 44.1 kHz
        (.mp3, MediaSamples.mpegFrame([0xFF, 0xFB, 0x90, 0x64]) + [0xFF, 0xFB, 0x92, 0x64]),
        // MPEG-2 32 kb/s 22.05 kHz
        (.mp3, MediaSamples.mpegFrame([0xFF, 0xF3, 0x40, 0xC4]) + [0xFF, 0xF3, 0x40, 0xC4]),
        // MPEG-2.5 8 kb/s 8 kHz
        (.mp3, MediaSamples.mpegFrame([0xFF, 0xE3, 0x18, 0xC4]) + [0xFF, 0xE3, 0x18, 0xC4]),
        // AAC-LC 44.1 kHz stereo
        (.aac, MediaSamples.adtsFrame(length: 371) + MediaSamples.adtsFrame(length: 368)),
        (.ogg, MediaSamples.ogg),
    ]

    @Test("every allowed signature is detected", arguments: MediaTypeTests.allowed.indices)
    func signatures(_ index: Int) {
        let (type, head) = Self.allowed[index]
        #expect(MediaType.detect(MediaSamples.padded(head)) == type)
    }

    @Test(
        "executables, documents, archives and error pages are refused",
        arguments: [
            MediaSamples.elf, Array("MZ".utf8), Array("#!/bin/sh".utf8),
            Array("<!DOCTYPE html>".utf8),
            Array("<html>".utf8), Array("PK".utf8) + [3, 4], Array("%PDF-1.7".utf8), [0x1F, 0x8B, 0x08],
            Array("{\"a\":1}".utf8),
        ] as [[UInt8]])
    func refused(_ head: [UInt8]) {
        #expect(MediaType.detect(MediaSamples.padded(head)) == nil)
    }

    @Test(
        "two sync bytes are not an MP3: the frame header must be valid and the next frame must follow it",
        arguments: [
            [0xFF, 0xFB], [0xFF, 0xFB, 0x90, 0x64],  // a valid header, then no second frame
            MediaSamples.mpegFrame([0xFF, 0xFB, 0xF0, 0x64]) + [0xFF, 0xFB, 0xF0, 0x64],  // bitrate index 15
            MediaSamples.mpegFrame([0xFF, 0xFB, 0x00, 0x64]) + [0xFF, 0xFB, 0x00, 0x64],  // free format
            // Sample rate index 3.
            MediaSamples.mpegFrame([0xFF, 0xFB, 0x9C, 0x64]) + [0xFF, 0xFB, 0x9C, 0x64],
            MediaSamples.mpegFrame([0xFF, 0xEB, 0x90, 0x64]) + [0xFF, 0xEB, 0x90, 0x64],  // reserved version
            // Next: other version.
            MediaSamples.mpegFrame([0xFF, 0xFB, 0x90, 0x64]) + [0xFF, 0xF3, 0x90, 0x64],
            Array("ID3".utf8) + [0xFF, 0, 0, 0, 0, 0, 0], Array("ID3".utf8) + [4, 0, 0, 0x80, 0, 0, 0],
        ] as [[UInt8]])
    func notMP3(_ head: [UInt8]) {
        #expect(MediaType.detect(MediaSamples.padded(head, to: 2_000)) == nil)
    }

    @Test(
        "two sync bytes are not AAC: the ADTS header must be valid and the next frame must follow it",
        arguments: [
            MediaSamples.padded([0xFF, 0xF1], to: 1_800),
            MediaSamples.padded([0xFF, 0xF1, 0x50, 0x80], to: 1_800),
            // The file ends in the next header.
            MediaSamples.adtsFrame(length: 300) + [0xFF, 0xF1, 0x50, 0x80],
            // Sample rate index 13 (reserved); then a frame shorter than its own header.
            MediaSamples.padded(
                MediaSamples.adtsFrame(length: 300, rates: 0x74) + MediaSamples.adtsFrame(length: 300),
                to: 2_000),
            MediaSamples.padded(
                MediaSamples.adtsFrame(length: 5) + MediaSamples.adtsFrame(length: 300), to: 2_000),
            MediaSamples.padded(
                MediaSamples.adtsFrame(length: 300) + MediaSamples.mpegFrame([0xFF, 0xFB, 0x90, 0x64]),
                to: 2_000),
            // A file that ends inside its first frame.
            Array(MediaSamples.adtsFrame(length: 300).prefix(200)),
        ] as [[UInt8]])
    func notAAC(_ bytes: [UInt8]) {
        #expect(MediaType.detect(bytes) == nil)
    }

    @Test(
        "ISO base media files are typed by brand: HEIF/AVIF are images, only known brands are video",
        arguments: [
            ("heic", MediaSamples.isoBMFF("heic", compatible: ["mif1", "heic"])),
            ("heic", MediaSamples.isoBMFF("heix", compatible: ["mif1"])),
            ("heic", MediaSamples.isoBMFF("mif1", compatible: ["mif1", "heic"])),
            ("heic", MediaSamples.isoBMFF("msf1", compatible: ["msf1", "hevc"])),
            ("avif", MediaSamples.isoBMFF("avif", compatible: ["avif", "mif1", "miaf", "MA1B"])),
            ("avif", MediaSamples.isoBMFF("avis", compatible: ["avis", "msf1", "miaf"])),
            ("avif", MediaSamples.isoBMFF("mif1", compatible: ["mif1", "avif"])),
            ("mp4", MediaSamples.isoBMFF("isom", compatible: ["isom", "iso2", "avc1", "mp41"])),
            ("mp4", MediaSamples.isoBMFF("XYZW", compatible: ["XYZW", "isom"])),
            ("mov", MediaSamples.isoBMFF("qt  ", compatible: ["qt  "])),
            ("m4a", MediaSamples.isoBMFF("M4A ", compatible: ["M4A ", "mp42", "isom"])),
            (nil, MediaSamples.isoBMFF("XYZW", compatible: ["XYZW", "abcd"])),
            (nil, MediaSamples.isoBMFF("crx ", compatible: ["crx "])),
        ] as [(String?, [UInt8])])
    func isoBrands(_ expected: String?, _ head: [UInt8]) {
        let type = MediaType.detect(MediaSamples.padded(head))
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
