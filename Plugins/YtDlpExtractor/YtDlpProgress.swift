/// yt-dlp's progress over the job: a merged video is a video download then an audio one, a playlist
/// several; each new download counts on from the bytes of those before it.
struct YtDlpProgress {
    private var finished: UInt64 = 0
    private var current: (done: UInt64, total: UInt64) = (0, 0)

    /// The job's bytes done and expected (0: unknown) after a progress line of the current download.
    mutating func update(done: UInt64, total: UInt64?) -> (done: UInt64, total: UInt64) {
        if done < current.done { finished += max(current.done, current.total) }
        current = (done, total ?? 0)
        return (finished + done, total.map { finished + $0 } ?? 0)
    }
}
