import Foundation

/// Re-encodes a video with ffmpeg so it fits an upload limit: the bitrate is chosen from the
/// duration (ffprobe) to land at 90 % of the limit. Returns nil when ffmpeg is missing, the file is
/// not a video, or the result still does not fit.
public struct VideoShrinker: Sendable {
    /// `ffmpeg` (looked up on PATH when not absolute).
    public var ffmpeg = "ffmpeg"
    /// `ffprobe`.
    public var ffprobe = "ffprobe"

    /// A shrinker using the tools on PATH.
    public init() {}

    /// Writes a smaller copy next to `path` and returns its path.
    public func shrink(_ path: String, toFit limit: Int64) -> String? {
        guard let duration = probeDuration(path), duration > 0 else { return nil }
        let totalBitsPerSecond = Double(limit) * 8 * 0.9 / duration
        let audio = 64_000.0
        let video = Int(totalBitsPerSecond - audio)
        guard video > 50_000 else { return nil }  // below that it would be unwatchable
        let output = (path as NSString).deletingPathExtension + "-fit.mp4"
        let arguments = [
            "-v", "error", "-y", "-i", path, "-c:v", "libx264", "-preset", "veryfast", "-b:v", "\(video)",
            "-maxrate", "\(video)", "-bufsize", "\(video * 2)", "-c:a", "aac", "-b:a", "64k",
            "-movflags", "+faststart", output,
        ]
        guard run(ffmpeg, arguments) != nil,
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int64) ?? nil,
            size <= limit
        else {
            try? FileManager.default.removeItem(atPath: output)
            return nil
        }
        return output
    }

    private func probeDuration(_ path: String) -> Double? {
        let arguments = ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path]
        return run(ffprobe, arguments).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Runs a tool; its stdout when it exits 0.
    private func run(_ tool: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
