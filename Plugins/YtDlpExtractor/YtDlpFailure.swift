import PluginABI
import PluginKit

/// Why a yt-dlp run gave no file, as a boss status and a sentence for the user. yt-dlp exits 1 for
/// every error; its `ERROR:` lines on stderr say which.
enum YtDlpFailure {
    /// The first rule whose needles appear in the errors wins: the specific causes (age, country,
    /// privacy) before the generic ones they also mention ("Video unavailable", "Sign in").
    static let rules: [(needles: [String], status: boss_status, detail: String)] = [
        (["unsupported url"], BOSS_ERR_UNSUPPORTED_URL, "yt-dlp does not support this link"),
        (
            ["live event will begin", "premieres in", "is_upcoming", "stream has not started"],
            BOSS_ERR_NO_MEDIA,
            "this live stream or premiere has not started yet"
        ),
        (
            ["confirm your age", "age-restricted", "age restricted", "inappropriate for some users"],
            BOSS_ERR_PRIVATE,
            "this video is age-restricted: it needs a signed-in account, which the bot does not use"
        ),
        (
            ["in your country", "from your location", "geo restriction", "geo-restrict", "geoblock"],
            BOSS_ERR_PRIVATE, "this video is not available in the bot's country"
        ),
        (
            ["private video", "video is private", "this post is private"], BOSS_ERR_PRIVATE,
            "this video is private"
        ),
        (
            ["not a bot"], BOSS_ERR_UPSTREAM,
            "the site asked the bot to sign in to prove it is not a bot: try again later"
        ),
        (
            [
                "login required", "log in", "sign in", "--cookies", "members-only", "requires authentication",
                "registered users", "subscriber",
            ],
            BOSS_ERR_PRIVATE, "this video needs a login (members, subscribers or a private account)"
        ),
        (
            [
                "video unavailable", "has been removed", "no longer available", "has been terminated",
                "does not exist", "http error 404", "http error 410", "recording is not available",
            ],
            BOSS_ERR_NOT_FOUND, "this video was removed or does not exist"
        ),
        (
            ["http error 429", "too many requests", "rate-limit", "rate limit"], BOSS_ERR_RATE_LIMITED,
            "the site is rate limiting downloads: try again later"
        ),
        (["drm"], BOSS_ERR_NO_MEDIA, "this video is DRM-protected: the bot cannot download it"),
        // No video here (e.g. an image post): a plugin tried after this one may still take the link.
        (
            [
                "no video formats found", "no video could be found", "no video in this", "there is no video",
                "there's no video",
            ],
            BOSS_ERR_UNSUPPORTED_URL, "yt-dlp found no video at this link"
        ),
        (
            ["requested format is not available"], BOSS_ERR_NO_MEDIA,
            "no format of this video can be downloaded"
        ),
        (["http error 403"], BOSS_ERR_PRIVATE, "the site refused access to this video"),
        (
            [
                "unable to connect", "connection refused", "timed out", "name or service not known",
                "failed to resolve", "name resolution", "network is unreachable",
                "unable to download webpage",
            ],
            BOSS_ERR_NETWORK, "the site could not be reached"
        ),
    ]

    /// Maps a run that ended without a file. `found` is what yt-dlp printed before filtering: a live
    /// stream is skipped by `!is_live` without an error.
    static func classify(exitCode: Int32, stderr: String, found: [YtDlpInfo]) -> ToolFailure {
        if exitCode == 0 {
            if found.contains(where: { $0.liveStatus == "is_live" }) {
                return ToolFailure(
                    BOSS_ERR_NO_MEDIA, "this is a live stream: the bot can download it once it has ended")
            }
            return ToolFailure(BOSS_ERR_NO_MEDIA, "yt-dlp found no video or audio at this link")
        }
        let lines = stderr.split(separator: "\n").filter { $0.hasPrefix("ERROR:") }
        let errors = (lines.isEmpty ? stderr : lines.joined(separator: "\n")).lowercased()
        // yt-dlp prints typographic apostrophes in some messages ("you’re").
        let text = errors.replacingOccurrences(of: "\u{2019}", with: "'")
        for rule in rules where rule.needles.contains(where: text.contains) {
            return ToolFailure(rule.status, rule.detail)
        }
        return ToolFailure(BOSS_ERR_UPSTREAM, "yt-dlp failed on this link (exit code \(exitCode))")
    }
}
