import Glibc

/// The links this plugin claims, by explicit patterns (never a catch-all): video and audio pages of the
/// sites yt-dlp handles best, and streaming manifests. Twitter/X and Reddit stay with their own plugins.
enum YtDlpURL {
    /// The end of a pattern: an optional slash, then a query or fragment, or nothing.
    private static let end = "/?([?#].*)?$"
    private static let youTubeID = "[A-Za-z0-9_-]{11}"

    static let patterns = [
        // YouTube: watch, shorts, live, embed, youtu.be, music, playlists (their first items).
        "^https?://((www|m|music)\\.)?youtube\\.com/watch\\?([^#]*&)?v=\(youTubeID)",
        "^https?://((www|m)\\.)?youtube\\.com/(shorts|live|embed)/\(youTubeID)" + end,
        "^https?://(www\\.)?youtu\\.be/\(youTubeID)" + end,
        "^https?://((www|m|music)\\.)?youtube\\.com/playlist\\?([^#]*&)?list=[A-Za-z0-9_-]+",
        // TikTok videos and share links.
        "^https?://((www|m)\\.)?tiktok\\.com/@[^/?#]+/video/[0-9]+" + end,
        "^https?://(vm|vt)\\.tiktok\\.com/[A-Za-z0-9]+" + end,
        "^https?://(www\\.)?tiktok\\.com/t/[A-Za-z0-9]+" + end,
        // Instagram reels and posts.
        "^https?://(www\\.)?instagram\\.com/([A-Za-z0-9_.]+/)?(p|reels?|tv)/[A-Za-z0-9_-]+" + end,
        // Twitch clips and VODs.
        "^https?://clips\\.twitch\\.tv/[A-Za-z0-9_-]+" + end,
        "^https?://((www|m)\\.)?twitch\\.tv/([A-Za-z0-9_]+/clip/[A-Za-z0-9_-]+|videos/[0-9]+)" + end,
        // Vimeo.
        "^https?://(www\\.)?vimeo\\.com/([A-Za-z0-9_-]+/)*[0-9]+(/[0-9a-f]+)?" + end,
        "^https?://player\\.vimeo\\.com/video/[0-9]+" + end,
        // SoundCloud tracks and sets, and share links.
        "^https?://((www|m)\\.)?soundcloud\\.com/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)?" + end,
        "^https?://on\\.soundcloud\\.com/[A-Za-z0-9]+" + end,
        // Bandcamp tracks and albums.
        "^https?://[A-Za-z0-9-]+\\.bandcamp\\.com/(track|album)/[A-Za-z0-9_-]+" + end,
        // Streamable, Dailymotion, Bilibili.
        "^https?://(www\\.)?streamable\\.com/[A-Za-z0-9]+" + end,
        "^https?://((www|m)\\.)?dailymotion\\.com/video/[A-Za-z0-9]+" + end,
        "^https?://dai\\.ly/[A-Za-z0-9]+" + end,
        "^https?://((www|m)\\.)?bilibili\\.com/video/(BV[A-Za-z0-9]+|av[0-9]+)" + end,
        "^https?://b23\\.tv/[A-Za-z0-9]+" + end,
        // Facebook videos, reels and watch links.
        "^https?://((www|m|web)\\.)?facebook\\.com/([^/?#]+/videos/|reel/|watch/?\\?([^#]*&)?v=|share/[rv]/)",
        "^https?://fb\\.watch/[A-Za-z0-9_-]+" + end,
        // Bluesky posts (yt-dlp takes their video; other posts are left to the plugins after it).
        "^https?://(www\\.)?bsky\\.app/profile/[^/?#]+/post/[a-z0-9]+" + end,
        // HLS and DASH manifests (e.g. a Bluesky video's playlist.m3u8): the direct plugin cannot join them.
        "^https?://[^/?#]+/([^?#]*/)?[^/?#]+\\.(m3u8|mpd)([?#].*)?$",
    ]

    static let examples = [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.tiktok.com/@user/video/7234567890123456789",
        "https://www.instagram.com/reel/C1a2B3c4D5e/", "https://clips.twitch.tv/SomeClipSlug",
        "https://vimeo.com/76979871", "https://soundcloud.com/artist/track-name",
    ]

    /// Whether one of `patterns` matches `url`, as the host's router decides it (POSIX ERE, case-
    /// insensitive). False means the chain handed the link over as its fallback.
    static func claims(_ url: String) -> Bool {
        patterns.contains { pattern in
            var regex = regex_t()
            guard regcomp(&regex, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB) == 0 else { return false }
            defer { regfree(&regex) }
            return regexec(&regex, url, 0, nil, 0) == 0
        }
    }
}
