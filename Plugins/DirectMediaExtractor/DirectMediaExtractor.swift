import PluginABI
import PluginKit

/// A plugin for links that point straight at a media file (`https://host/path/clip.mp4`): the host
/// streams the URL into its sink, which checks the bytes. Faster than the gallery-dl catch-all for
/// the most common case, and needs no external tool.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    DirectMediaExtractor.entry.descriptor(forHostABI: hostABIVersion)
}

enum DirectMediaExtractor {
    static let extensions = "jpe?g|png|gif|webp|mp4|m4v|mov|webm|mkv|mp3|m4a|aac|ogg|oga|opus"

    static let info = PluginInfo(
        id: "direct", name: "Direct media links", version: "1.0.0",
        description: "Downloads links that point straight at an image, video or audio file.",
        priority: 0, patterns: ["^https?://[^/?#]+/([^?#]*/)?[^/?#]+\\.(\(extensions))([?#].*)?$"],
        examples: ["https://example.com/media/cat.jpg", "https://cdn.example.org/v/clip.mp4?token=1"],
        // Stateless: every job is one fetch_to_file.
        flags: BOSS_PLUGIN_THREAD_SAFE)

    static let entry: PluginEntry = PluginEntry(
        info, create: { host, _ in entry.create(host) },
        extract: { job, url in
            job.setMetadata("source_url", url)
            return job.fetchToFile(url, name: nil)
        })
}
