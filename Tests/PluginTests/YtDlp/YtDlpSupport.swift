import BossCore
import Foundation
import PluginABI
import TestSupport

/// What the yt-dlp tests share: a stand-in yt-dlp (a shell script given as `BOSS_PLUGIN_YTDLP_BIN`),
/// the argv it received, and the real CLI (never skipped: a missing tool is a failed test that says how
/// to install it).
enum YtDlpSupport {
    static let bin = "BOSS_PLUGIN_YTDLP_BIN"
    static let missingMessage = "yt-dlp is not installed: run `make deps` (scripts/install-deps.sh)"

    /// The real yt-dlp on PATH, or nil.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/yt-dlp" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A stand-in yt-dlp that records its arguments, one a line, in `<root>/argv.txt`, then runs `body`
    /// (in the job's work folder, as the real one would).
    static func standIn(_ harness: ExtractionHarness, _ body: String) throws -> String {
        let path = harness.root + "/stand-in-yt-dlp.sh"
        let record = "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '\(harness.root)/argv.txt'\n"
        try ("#!/bin/sh\n" + record + body).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// The arguments the stand-in received.
    static func argv(_ harness: ExtractionHarness) throws -> [String] {
        try String(contentsOfFile: harness.root + "/argv.txt", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The value after `option` in `argv`.
    static func value(of option: String, in argv: [String]) -> String? {
        argv.firstIndex(of: option).flatMap { argv.indices.contains($0 + 1) ? argv[$0 + 1] : nil }
    }

    /// Runs `url` with `options` through the runtime.
    static func extract(
        _ runtime: HostRuntime, _ url: String, options: JobOptions = JobOptions(),
        control: JobControl = JobControl()
    ) async throws(ExtractionError) -> ExtractionResult {
        try await runtime.runner.extract(
            ExtractionRequest(jobID: JobID(rawValue: 1), url: url, options: options), control: control)
    }

    /// A real, tiny MP4 made by ffmpeg (so the sink accepts it as video).
    static func makeMP4(at path: String, seconds: Int = 1) throws {
        let ffmpeg = Process()
        ffmpeg.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        ffmpeg.arguments = [
            "ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
            "testsrc=duration=\(seconds):size=64x64",
            "-pix_fmt", "yuv420p", path,
        ]
        try ffmpeg.run()
        ffmpeg.waitUntilExit()
        guard ffmpeg.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
