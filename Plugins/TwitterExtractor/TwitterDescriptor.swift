import PluginABI
import PluginKit

/// The plugin's entry point: serves the descriptor when the host speaks this ABI version.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    TwitterDescriptor.entry.descriptor(forHostABI: hostABIVersion)
}

/// Twitter/X tweets through the public syndication API (no account, no API key).
enum TwitterDescriptor {
    static let info = PluginInfo(
        id: "twitter", name: "Twitter / X", version: "1.0.0",
        description: "Downloads the photos, videos and GIFs of a tweet on twitter.com or x.com.",
        priority: 100, patterns: [TweetURL.pattern],
        examples: ["https://x.com/jack/status/20", "https://twitter.com/i/web/status/20/photo/1"],
        // Stateless: settings are read per job, nothing is shared between jobs.
        flags: BOSS_PLUGIN_THREAD_SAFE)

    static let entry: PluginEntry = PluginEntry(
        info, create: { host, _ in entry.create(host) },
        extract: { job, url in TwitterExtraction(host: job).run(url: url) })
}
