import BossCore
import Foundation

/// The closing report of `fetch`: each job with its files (name, type, size, path) or its error.
struct FetchSummary {
    let jobs: [Job]
    let files: [JobID: DeliveryLog.Entry]
    let refused: [(url: String, reason: String)]

    func print() {
        var fileCount = 0
        var bytes: Int64 = 0
        for job in jobs {
            switch job.state {
            case .delivered:
                let entry = files[job.id]
                let seconds = entry.map { $0.downloadTime / .seconds(1) }
                let timing = seconds.map { String(format: "  (downloaded in %.3f s)", $0) } ?? ""
                Swift.print("ok     #\(job.id) \(job.url)\(timing)")
                for file in entry?.files ?? [] {
                    fileCount += 1
                    bytes += file.size
                    Swift.print(
                        "         \(file.name)  \(file.type.rawValue)  \(Self.format(bytes: file.size))  \(file.path)"
                    )
                }
            case .cancelled:
                Swift.print("cancel #\(job.id) \(job.url)")
            default:
                Swift.print("FAILED #\(job.id) \(job.url): \(job.failureMessage ?? "unknown error")")
            }
        }
        for (url, reason) in refused { Swift.print("FAILED    \(url): \(reason)") }
        let succeeded = jobs.filter { $0.state == .delivered }.count
        let total = jobs.count + refused.count
        Swift.print(
            "\(succeeded) of \(total) download(s) succeeded: \(fileCount) file(s), \(Self.format(bytes: bytes))"
        )
    }

    /// Human-readable size in MiB-based units, as Discord and the settings count.
    static func format(bytes: Int64) -> String {
        let value = Double(bytes)
        switch value {
        case ..<1024: return "\(bytes) B"
        case ..<(1024 * 1024): return String(format: "%.1f KB", value / 1024)
        default: return String(format: "%.1f MB", value / 1_048_576)
        }
    }
}
