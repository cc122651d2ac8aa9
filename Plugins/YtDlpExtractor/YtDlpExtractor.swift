import PluginABI
import PluginKit

/// The video and audio sites yt-dlp is best at (YouTube, TikTok, Instagram reels, Twitch, Vimeo,
/// SoundCloud...): each job runs the yt-dlp CLI as a confined child, and the file it finishes is
/// streamed into the host's sink, which checks it like any other download.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    YtDlpExtractor.entry.descriptor(forHostABI: hostABIVersion)
}

enum YtDlpExtractor {
    // A site plugin's priority for the sites it claims; as a fallback, yt-dlp's generic extractor is
    // also the chain's last resort for any page (e.g. one with an HTML5 <video>).
    static let info = PluginInfo(
        id: "ytdlp", name: "yt-dlp", version: "1.0.0",
        description:
            "Downloads videos and audio from YouTube, TikTok, Instagram, Twitch, Vimeo, SoundCloud and more.",
        priority: 100, patterns: YtDlpURL.patterns, examples: YtDlpURL.examples,
        // The instance is read-only after create; each job runs its own child in its own folder.
        flags: BOSS_PLUGIN_THREAD_SAFE | BOSS_PLUGIN_FALLBACK)

    static let entry: PluginEntry = PluginEntry(
        info, create: { host, _ in entry.create(host) },
        instance: { host in YtDlpInstance(host: host) })
}
