import BossCore

/// What a `fetch` job carries in the queue: where its files go.
struct FetchReplyContext: ReplyContext {
    /// Absolute output directory; nil keeps the files in the job's folder under the data dir.
    var outputDirectory: String?
    /// `--audio` and `--quality` (nil in jobs stored before options existed).
    var options: JobOptions?
}
