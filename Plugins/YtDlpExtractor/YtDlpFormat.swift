import PluginABI
import PluginKit

/// The format yt-dlp is told to pick, from the job's options: the best quality whose size fits the
/// destination (a Discord channel's upload limit, `BOSS_MAX_FILE_MB` for `fetch`), by yt-dlp's
/// `filesize`/`filesize_approx` filters (`<?`: an unknown size passes), merged into an H.264/AAC MP4 that
/// every client plays. When nothing fits, the smallest: shrinking it on delivery is the exception.
struct YtDlpFormat: Equatable {
    /// Audio only (`audio` = "1").
    var audioOnly = false
    /// The height cap of `quality` (480, 720, 1080); nil for `best` or no choice.
    var maxHeight: Int?
    /// The largest file the destination takes (`max_bytes`).
    var maxBytes: Int64?

    /// Reads the job's options; hosts without `job_option` give none.
    init(job: JobHost) {
        audioOnly = job.option("audio") == "1"
        maxHeight = job.option("quality").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        maxBytes = job.option("max_bytes").flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// yt-dlp's format arguments.
    var arguments: [String] {
        if audioOnly {
            // An mp3 source stays mp3; everything else becomes (or stays) m4a.
            return ["-f", audioSelector, "-x", "--audio-format", "mp3>mp3/m4a"]
        }
        return ["-f", videoSelector, "-S", "vcodec:h264,res,acodec:aac", "--merge-output-format", "mp4"]
    }

    /// Best video under 7/8 of the limit plus audio under 1/8 (yt-dlp cannot filter on the sum), else
    /// the best single file under the limit, else the smallest.
    var videoSelector: String {
        let height = maxHeight.map { "[height<=?\($0)]" } ?? ""
        let video = maxBytes.map { $0 - $0 / 8 }
        var choices = [
            "bv*" + height + fits(video) + "+ba" + fits(maxBytes.map { $0 / 8 }),
            "b" + height + fits(maxBytes),
        ]
        if maxBytes != nil { choices += ["wv*" + height + "+wa"] }
        if maxBytes != nil || maxHeight != nil { choices += ["w"] }
        return choices.joined(separator: "/")
    }

    /// The best m4a under the limit, else any best audio or file under it, else the smallest.
    var audioSelector: String {
        let limit = fits(maxBytes)
        var choices = ["ba[ext=m4a]" + limit, "ba" + limit, "b" + limit]
        if maxBytes != nil { choices += ["wa", "w"] }
        return choices.joined(separator: "/")
    }

    private func fits(_ bytes: Int64?) -> String {
        bytes.map { "[filesize<?\($0)][filesize_approx<?\($0)]" } ?? ""
    }
}
