import BossCore
import Foundation

/// A job folder with a sink over it.
struct SinkHarness {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("boss-sink-\(UUID())").path
    var job: String { root + "/job" }
    let quota: StorageQuota
    let sink: MediaSink

    init(limit: Int64 = 1_000, quotaBytes: Int64 = 1_000_000) throws {
        try FileManager.default.createDirectory(atPath: root + "/job", withIntermediateDirectories: true)
        quota = StorageQuota(limitBytes: quotaBytes, usedBytes: 0)
        sink = try MediaSink(directory: root + "/job", maxFileBytes: limit, quota: quota)
    }

    /// Writes `bytes` as one file in chunks of `chunk` bytes and finishes it.
    func store(_ bytes: [UInt8], name: String?, chunk: Int = 4096) throws -> StoredFile {
        let file = try sink.begin(suggestedName: name, expectedSize: nil)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunk, bytes.count)
            try bytes[offset..<end].withUnsafeBytes { try file.write($0) }
            offset = end
        }
        return try file.finish()
    }

    /// Everything under the root, relative: proof that nothing was written outside the job folder.
    func allFiles() -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }
}

/// Leading bytes of each allowed type, padded to a realistic size.
enum Samples {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let all: [(MediaType, [UInt8])] = [
        (.jpeg, [0xFF, 0xD8, 0xFF, 0xE0]), (.png, png), (.gif, Array("GIF89a".utf8)),
        (.gif, Array("GIF87a".utf8)),
        (.webp, Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8)),
        (.heic, isoBMFF("heic", compatible: ["mif1", "heic"])),
        (.avif, isoBMFF("avif", compatible: ["avif", "mif1", "miaf"])),
        (.mp4, [0, 0, 0, 0x18] + Array("ftypisom".utf8)), (.mp4, [0, 0, 0, 0x20] + Array("ftypmp42".utf8)),
        (.mov, [0, 0, 0, 0x14] + Array("ftypqt  ".utf8)), (.m4a, [0, 0, 0, 0x20] + Array("ftypM4A ".utf8)),
        (
            .webm,
            [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84] + Array("webm".utf8)
        ),
        (
            .mkv,
            [0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88] + Array("matroska".utf8)
        ),
        (.mp3, Array("ID3".utf8) + [4, 0, 0, 0, 0, 0x10, 0]),
        (.mp3, mpegFrame([0xFF, 0xFB, 0x90, 0x64]) + [0xFF, 0xFB, 0x92, 0x64]),  // MPEG-1 128 kb/s 44.1 kHz
        (.mp3, mpegFrame([0xFF, 0xF3, 0x40, 0xC4]) + [0xFF, 0xF3, 0x40, 0xC4]),  // MPEG-2 32 kb/s 22.05 kHz
        (.mp3, mpegFrame([0xFF, 0xE3, 0x18, 0xC4]) + [0xFF, 0xE3, 0x18, 0xC4]),  // MPEG-2.5 8 kb/s 8 kHz
        (.aac, adtsFrame(length: 371) + adtsFrame(length: 368)),  // AAC-LC 44.1 kHz stereo
        (.ogg, Array("OggS".utf8) + [0, 2]),
    ]

    /// One MPEG audio layer III frame: `header`, then zeros up to the frame length its fields give.
    static func mpegFrame(_ header: [UInt8]) -> [UInt8] {
        let mpeg1 = header[1] & 0x18 == 0x18
        let kbps: [Int] =
            mpeg1
            ? [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0]
            : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0]
        let rates = [
            0x18: [44_100, 48_000, 32_000], 0x10: [22_050, 24_000, 16_000], 0x00: [11_025, 12_000, 8_000],
        ]
        let rate = rates[Int(header[1] & 0x18)]?[Int(header[2] >> 2 & 3) % 3] ?? 44_100
        let length = (mpeg1 ? 144 : 72) * kbps[Int(header[2] >> 4)] * 1000 / rate + Int(header[2] >> 1 & 1)
        return header + [UInt8](repeating: 0, count: max(0, length - header.count))
    }

    /// One ADTS (AAC) frame of `length` bytes, header included: MPEG-4, no CRC, LC profile, the sample
    /// rate index in bits 2-5 of `rates` (0x50: index 4, 44.1 kHz), two channels.
    static func adtsFrame(length: Int, rates: UInt8 = 0x50) -> [UInt8] {
        let header: [UInt8] = [
            0xFF, 0xF1, rates, 0x80 | UInt8(length >> 11 & 3), UInt8(length >> 3 & 0xFF),
            UInt8((length & 7) << 5 | 0x1F), 0xFC,
        ]
        return header + [UInt8](repeating: 0, count: max(0, length - header.count))
    }

    /// The start of an ISO base media file: an `ftyp` box with these brands.
    static func isoBMFF(_ major: String, compatible: [String]) -> [UInt8] {
        let body = Array(major.utf8) + [0, 0, 2, 0] + compatible.flatMap { Array($0.utf8) }
        return [0, 0, 0, UInt8(8 + body.count)] + Array("ftyp".utf8) + body
    }

    static func padded(_ head: [UInt8], to size: Int = 200) -> [UInt8] {
        head + [UInt8](repeating: 0x11, count: max(0, size - head.count))
    }
}
