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
        (.mp3, Array("ID3".utf8) + [4, 0, 0]), (.mp3, [0xFF, 0xFB, 0x90, 0x64]),
        (.aac, [0xFF, 0xF1, 0x50, 0x80]),
        (.ogg, Array("OggS".utf8) + [0, 2]),
    ]

    static func padded(_ head: [UInt8], to size: Int = 200) -> [UInt8] {
        head + [UInt8](repeating: 0x11, count: max(0, size - head.count))
    }
}
