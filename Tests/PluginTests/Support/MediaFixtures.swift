import Foundation
import TestSupport

/// Recorded API answers from `Tests/Fixtures/Cassettes`, and small media files with real signatures.
enum MediaFixtures {
    /// The cassette `name`.json with every `{{MEDIA}}` replaced by `base` (the local server's URL).
    static func cassette(_ name: String, media base: String) throws -> String {
        let path = CPluginBuilder.repositoryRoot + "/Tests/Fixtures/Cassettes/\(name).json"
        return try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "{{MEDIA}}", with: base)
    }

    /// A JPEG start (FF D8 FF) and `seed`-distinct filler, so each file's bytes can be told apart.
    static func jpeg(_ seed: UInt8) -> [UInt8] {
        MediaSamples.file(MediaSamples.jfif, filler: 500, modulo: 200, seed: seed)
    }

    /// A PNG signature and filler.
    static func png(_ seed: UInt8) -> [UInt8] {
        MediaSamples.file(MediaSamples.png, filler: 500, modulo: 100, seed: seed)
    }

    /// An MP4 start: a `ftyp` box with the `isom` brand, then filler.
    static func mp4(_ seed: UInt8, size: Int = 600) -> [UInt8] {
        let header = MediaSamples.isoBMFF("isom", compatible: ["isom", "iso2"])
        return MediaSamples.file(header, filler: size - header.count, modulo: 90, seed: seed)
    }

    /// The content of a stored file.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Whether an `ffmpeg` is on PATH (CI installs it; the merge test needs it).
    static let ffmpeg: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/ffmpeg" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The kinds of the streams in the media file `path` ("audio", "video"), sorted, as read by the
    /// ffprobe beside `ffmpeg`.
    static func streamKinds(_ path: String, ffmpeg: String) throws -> [String] {
        let ffprobe = (ffmpeg as NSString).deletingLastPathComponent + "/ffprobe"
        let output = try run(
            ffprobe, ["-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", path])
        return output.split(separator: "\n").map(String.init).sorted()
    }

    /// Runs a tool and returns its standard output; throws when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
