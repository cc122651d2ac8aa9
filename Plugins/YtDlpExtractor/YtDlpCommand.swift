/// The yt-dlp command line for one job. Only the host's config file applies (`--ignore-config` with
/// `--config-locations`, which yt-dlp still reads): it holds the proxy with the job's credentials, which
/// must not appear in arguments every local user can list.
enum YtDlpCommand {
    /// Items taken from a playlist-only link (a video that is also in a playlist is just that video).
    static let playlistItems = 5
    static let stdout = "yt-dlp.stdout"
    static let stderr = "yt-dlp.stderr"
    /// Where downloads go, inside the work folder (the child's working directory).
    static let downloads = "files"

    /// yt-dlp's extractors for a link the fallback chain handed over (none of this plugin's patterns
    /// matching it): the generic one, HTML5 `<video>`/`<audio>` elements and the players of the claimed
    /// sites embedded in a page. Matching every site extractor instead takes seconds before "unsupported".
    static let fallbackExtractors = "generic,html5,youtube,vimeo,dailymotion,streamable"

    static func arguments(binary: String, config: String, format: YtDlpFormat, dryRun: Bool, url: String)
        -> [String]
    {
        let generic = YtDlpURL.claims(url) ? [] : ["--use-extractors", fallbackExtractors]
        let common = [
            binary, "--ignore-config", "--config-locations", config, "--no-playlist",
            "--playlist-items", "1:\(playlistItems)", "--match-filters", "!is_live",
            // Retries are the queue's business; a stalled connection fails instead of hanging.
            "--socket-timeout", "30", "--retries", "1", "--fragment-retries", "3", "--no-cache-dir",
            "--no-mtime",
        ]
        return common + generic + format.arguments + (dryRun ? planning : downloading) + ["--", url]
    }

    /// A dry run lists the media URLs the chosen format would fetch, one JSON string per video.
    static let planning = ["--simulate", "--print", "\(YtDlpLine.planPrefix) %(urls)j"]

    /// Machine-readable progress, what was found (printed before the live filter runs, so a skipped live
    /// stream is known), and each finished file once it has its final name.
    static let downloading = [
        "--no-simulate", "--newline", "--progress", "--progress-delta", "0.5",
        "--progress-template",
        "download:\(YtDlpLine.progressPrefix) %(progress.downloaded_bytes)s %(progress.total_bytes)s "
            + "%(progress.total_bytes_estimate)s",
        "--print",
        "pre_process:\(YtDlpLine.infoPrefix) "
            + "%(.{title,uploader,channel,webpage_url,live_status,playlist_count})j",
        "--print", "after_move:\(YtDlpLine.filePrefix) %(filepath)j",
        "-o", "\(downloads)/%(title).80B [%(id)s].%(ext)s",
    ]
}
