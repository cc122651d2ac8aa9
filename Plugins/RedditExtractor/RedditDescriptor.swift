import PluginABI
import PluginKit

/// The plugin's entry point: serves the descriptor when the host speaks this ABI version.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    RedditDescriptor.entry.descriptor(forHostABI: hostABIVersion)
}

/// Reddit posts (images, galleries, videos with their audio) through the public JSON API.
enum RedditDescriptor {
    static let info = PluginInfo(
        id: "reddit", name: "Reddit", version: "1.0.0",
        description: "Downloads the images, galleries and videos (with sound) of a Reddit post.",
        priority: 100, patterns: RedditURL.patterns,
        examples: ["https://www.reddit.com/r/pics/comments/1abcde/a_title/", "https://redd.it/1abcde"],
        // Stateless: settings are read per job; each job merges in its own work folder.
        flags: BOSS_PLUGIN_THREAD_SAFE)

    static let entry: PluginEntry = PluginEntry(
        info, create: { host, _ in entry.create(host) },
        extract: { job, url in RedditExtraction(host: job).run(url: url) })
}
