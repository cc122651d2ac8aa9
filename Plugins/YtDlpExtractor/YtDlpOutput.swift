import PluginABI
import PluginKit

/// Follows yt-dlp's stdout while it runs: its progress goes to the host, what it found describes the
/// media, and each file it finished is handed to the sink at once (taken in whole, `file_adopt`).
final class YtDlpOutput {
    private let reader: GrowingFileReader
    private let job: JobHost
    let streamer: FileStreamer
    private var progress = YtDlpProgress()
    /// What yt-dlp found, one entry per video (several for a playlist).
    private(set) var found: [YtDlpInfo] = []
    /// A dry run's media URLs.
    private(set) var planned: [String] = []

    init(path: String, job: JobHost) {
        reader = GrowingFileReader(path: path)
        self.job = job
        streamer = FileStreamer(job: job, reportsProgress: false)
    }

    /// Handles the lines printed since the last call. False once the delivery must stop.
    func poll() -> Bool {
        for line in reader.newLines() { handle(line) }
        return !streamer.mustStop
    }

    private func handle(_ line: Substring) {
        switch YtDlpLine(line) {
        case .progress(let done, let total):
            let sum = progress.update(done: done, total: total)
            job.progress(sum.done, of: sum.total)
        case .info(let info):
            if found.isEmpty { describe(info) }
            found.append(info)
        case .file(let path):
            streamer.deliver(path)
        case .planned(let urls):
            planned += urls
        case nil:
            if line.hasPrefix("boss-") {
                job.log(BOSS_LOG_WARNING, "unreadable yt-dlp line: \(line.prefix(300))")
            }
        }
    }

    /// The message's title, author and link come from the first video.
    private func describe(_ info: YtDlpInfo) {
        if let title = info.title { job.setMetadata("title", title) }
        if let author = info.uploader ?? info.channel { job.setMetadata("author", author) }
        if let page = info.webpageURL { job.setMetadata("source_url", page) }
    }
}
