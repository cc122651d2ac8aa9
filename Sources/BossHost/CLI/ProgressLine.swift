import BossCore
import Foundation

/// `#3 [########------------]  41%  20.5 MB / 50.0 MB  12.3 MB/s  ETA 2s`
struct ProgressLine {
    let job: JobID
    let progress: JobProgress
    let bytesPerSecond: Double

    var text: String {
        let done = FetchSummary.format(bytes: Int64(progress.done))
        let speed = FetchSummary.format(bytes: Int64(bytesPerSecond)) + "/s"
        guard progress.total > 0 else { return "#\(job) \(done)  \(speed)" }
        let fraction = min(Double(progress.done) / Double(progress.total), 1)
        let filled = Int(fraction * 20)
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
        let remaining = Double(progress.total - min(progress.done, progress.total))
        let eta = bytesPerSecond > 0 ? "ETA \(Int(remaining / bytesPerSecond))s" : "ETA --"
        let total = FetchSummary.format(bytes: Int64(progress.total))
        return
            "#\(job) [\(bar)] \(String(format: "%3d", Int(fraction * 100)))%  \(done) / \(total)  \(speed)  \(eta)"
    }
}
