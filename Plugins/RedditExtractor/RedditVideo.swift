import Foundation
import PluginABI
import PluginKit

/// A Reddit-hosted video: the DASH video stream, merged with its separate audio stream by ffmpeg
/// when both are available (Reddit never serves them together).
struct RedditVideo {
    let host: JobHost

    func download(_ videoURL: String, name: String) -> boss_status {
        guard let audioURL = audioURL(beside: videoURL) else {
            host.log(BOSS_LOG_INFO, "no audio track beside \(videoURL): downloading the video alone")
            host.setMetadata("note", "The video has no sound: the post has no audio track.")
            return host.fetchToFile(videoURL, name: name)
        }
        // A dry run only records what would be fetched: the video stands for the merged file.
        if host.isDryRun { return host.fetchToFile(videoURL, name: name) }
        // The configured binary (key `ffmpeg`: a path, or a name on PATH), else `ffmpeg` on PATH.
        guard let ffmpeg = ExecutableLocator.find(host.config("ffmpeg") ?? "ffmpeg") else {
            host.log(BOSS_LOG_WARNING, "ffmpeg is not available: \(videoURL) is downloaded without audio")
            host.setMetadata(
                "note", "The video is sent without sound: the bot's host cannot merge the audio.")
            return host.fetchToFile(videoURL, name: name)
        }
        guard let folder = host.workDirectory else {
            return host.fail(BOSS_ERR_INTERNAL, "The host gave no work folder for merging the audio.")
        }
        let video = folder + "/v.mp4"
        let audio = folder + "/a.mp4"
        let merged = folder + "/out.mp4"
        for (url, path) in [(videoURL, video), (audioURL, audio)] {
            let status = host.download(url, to: path)
            guard status == BOSS_OK else { return status }
        }
        if host.isCancelled { return BOSS_ERR_CANCELLED }
        // Run by the host: confined, cancelled with the job, at most two media tools at once. -n: never
        // overwrite; the probe reads at most 8 MB of each input.
        let merge = host.process.run(
            [
                ffmpeg, "-v", "error", "-n", "-probesize", "8M", "-i", video, "-i", audio, "-c", "copy",
                merged,
            ],
            network: false, stdout: nil, stderr: "ffmpeg.stderr")
        if merge.status != BOSS_OK { return merge.status }
        if merge.exitCode != 0 {
            let reason = (try? String(contentsOfFile: folder + "/ffmpeg.stderr", encoding: .utf8)) ?? ""
            host.log(
                BOSS_LOG_WARNING,
                "ffmpeg could not merge the audio (exit \(merge.exitCode): \(reason.prefix(500))): sending the video alone"
            )
            host.setMetadata("note", "The video is sent without sound: its audio could not be merged.")
            return host.stream(video, name: name)
        }
        return host.stream(merged, name: name)
    }

    /// The audio stream beside `videoURL`, probed newest naming first: `DASH_720.mp4` videos keep it in
    /// `DASH_AUDIO_128.mp4` (a little older: `DASH_audio.mp4`); the oldest, whose files have no
    /// extension (`DASH_2_4_M`, `DASH_600_K`), in `audio`.
    func audioURL(beside videoURL: String) -> String? {
        let withoutQuery = videoURL.split(separator: "?", maxSplits: 1).first.map(String.init) ?? videoURL
        guard let slash = withoutQuery.lastIndex(of: "/") else { return nil }
        let last = withoutQuery[withoutQuery.index(after: slash)...]
        guard last.hasPrefix("DASH_") else { return nil }
        let folder = withoutQuery[...slash]
        let names = last.hasSuffix(".mp4") ? ["DASH_AUDIO_128.mp4", "DASH_audio.mp4"] : ["audio"]
        return names.map { folder + $0 }.first {
            host.head($0).status == BOSS_OK
        }
    }
}
