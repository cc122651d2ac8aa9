import Foundation
import TestSupport

/// What the gallery-dl tests need: the real CLI (never skipped: a missing tool is a failed test
/// that says how to install it) and a wrapper that records the child's pid.
enum GalleryDLSupport {
    static let missingMessage = "gallery-dl is not installed: run `make deps` (scripts/install-deps.sh)"

    /// The gallery-dl executable on PATH, or nil.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/gallery-dl" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A JPEG and an MP4 (by their magic bytes) big enough to stream in several reads.
    static let jpeg = MediaSamples.file(MediaSamples.jpeg, filler: 40_000, modulo: 249)
    static let mp4 = MediaSamples.file(MediaSamples.mp4, filler: 300_000, modulo: 241)

    /// A shell script that writes its pid to `pidFile`, then becomes gallery-dl (same pid).
    static func pidRecordingWrapper(in directory: String, gallerydl: String) throws -> (
        script: String, pidFile: String
    ) {
        let script = directory + "/gallery-dl-wrapper.sh"
        let pidFile = directory + "/gallery-dl.pid"
        try "#!/bin/sh\necho $$ > '\(pidFile)'\nexec '\(gallerydl)' \"$@\"\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return (script, pidFile)
    }

    /// Whether a process with this pid still exists (a reaped child does not).
    static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }
}
