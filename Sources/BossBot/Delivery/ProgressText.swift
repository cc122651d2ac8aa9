import BossCore

/// The text a download's reply shows while it runs.
public enum ProgressText {
    /// `⬇️ #12 [██████░░░░] 60% · 3.0 / 5.0 MB · 1.2 MB/s` and the link as shown (`link`); without a
    /// total, bytes and speed only.
    public static func line(job: JobID, progress: JobProgress, bytesPerSecond: Double, link: String) -> String
    {
        let done = megabytes(progress.done)
        let speed = "\(megabytes(UInt64(max(0, bytesPerSecond))))/s"
        guard progress.total > 0 else { return "⬇️ #\(job) downloading · \(done) · \(speed)\n\(link)" }
        let fraction = min(1, Double(progress.done) / Double(progress.total))
        let filled = Int((fraction * 10).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
        let percent = Int((fraction * 100).rounded(.down))
        return
            "⬇️ #\(job) `[\(bar)]` \(percent)% · \(done) / \(megabytes(progress.total)) · \(speed)\n\(link)"
    }

    /// `3.0 MB` (MiB, as Discord counts).
    public static func megabytes(_ bytes: UInt64) -> String {
        let value = Double(bytes) / 1_048_576
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
