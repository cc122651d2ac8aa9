import BossCore
import BossProcess
import Foundation

/// Re-encodes a video with ffmpeg so it fits an upload limit: the bitrate is chosen from the
/// duration (ffprobe) to land at 90 % of the limit. Both tools run confined, at most two media tools
/// at once, and stop when the job is cancelled or past its deadline. The copy is reserved in the
/// storage quota before it is written. Returns nil when ffmpeg is missing, the file is not a video,
/// the quota has no room, or the result still does not fit.
public struct VideoShrinker: Sendable {
    /// `ffmpeg` (looked up on PATH when not absolute).
    public var ffmpeg = "ffmpeg"
    /// `ffprobe`.
    public var ffprobe = "ffprobe"
    /// Where the tools are found.
    public var searchPath = ProcessInfo.processInfo.environment["PATH"]

    /// A shrinker using the tools on PATH.
    public init() {}

    /// Writes a smaller copy next to `path` and returns its path; its bytes are reserved in `quota`.
    public func shrink(
        _ path: String, toFit limit: Int64, quota: StorageQuota, isCancelled: () -> Bool
    ) -> String? {
        let folder = (path as NSString).deletingLastPathComponent
        guard let duration = probeDuration(path, folder: folder, isCancelled: isCancelled), duration > 0
        else {
            return nil
        }
        let totalBitsPerSecond = Double(limit) * 8 * 0.9 / duration
        let audio = 64_000.0
        let video = Int(totalBitsPerSecond - audio)
        guard video > 50_000 else { return nil }  // below that it would be unwatchable
        guard let output = Self.freeName(for: path), (try? quota.reserve(limit)) != nil else { return nil }
        // -n: never overwrite (a sink file may carry the name); the probe reads at most 8 MB.
        let arguments = [
            "-v", "error", "-n", "-probesize", "8M", "-i", path, "-c:v", "libx264", "-preset", "veryfast",
            "-b:v", "\(video)", "-maxrate", "\(video)", "-bufsize", "\(video * 2)", "-c:a", "aac", "-b:a",
            "64k",
            "-movflags", "+faststart", output,
        ]
        let outcome = MediaToolRun(tool: ffmpeg, arguments: arguments, folder: folder, searchPath: searchPath)
            .run(isCancelled: isCancelled)
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int64) ?? nil
        guard outcome == .ended(.exited(0)), let size, size <= limit else {
            try? FileManager.default.removeItem(atPath: output)
            quota.release(limit)
            return nil
        }
        quota.release(limit - size)  // exactly the copy's bytes stay reserved
        return output
    }

    private func probeDuration(_ path: String, folder: String, isCancelled: () -> Bool) -> Double? {
        let report = folder + "/.probe-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let arguments = [
            "-v", "error", "-probesize", "8M", "-show_entries", "format=duration", "-of", "csv=p=0", path,
        ]
        let run = MediaToolRun(
            tool: ffprobe, arguments: arguments, folder: folder, searchPath: searchPath,
            standardOutput: report)
        guard run.run(isCancelled: isCancelled) == .ended(.exited(0)),
            let text = try? String(contentsOfFile: report, encoding: .utf8)
        else { return nil }
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `NAME-fit.mp4`, or `NAME-fit-2.mp4` ... when that exists.
    static func freeName(for path: String) -> String? {
        let stem = (path as NSString).deletingPathExtension
        return (1...100).lazy.map { $0 == 1 ? "\(stem)-fit.mp4" : "\(stem)-fit-\($0).mp4" }
            .first { !FileManager.default.fileExists(atPath: $0) }
    }
}
