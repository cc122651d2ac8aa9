import PluginABI
import PluginKit

/// The catch-all plugin: any http(s) link no other plugin claims goes to the gallery-dl CLI, which
/// knows hundreds of sites. It runs as a child process in the job's work folder, and every file it
/// finishes is streamed into the host's sink, which checks it like any other download.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    GalleryDLExtractor.entry.descriptor(forHostABI: hostABIVersion)
}

enum GalleryDLExtractor {
    // The lowest priority of all: every site plugin and the direct-link plugin win over it.
    static let info = PluginInfo(
        id: "gallerydl", name: "gallery-dl", version: "1.0.0",
        description: "Downloads from the many sites gallery-dl supports, for links no other plugin claims.",
        priority: -1000, patterns: ["^https?://[^/?#]+"],
        examples: ["https://www.deviantart.com/artist/art/title-123456", "http://example.com/gallery/1"],
        // The instance is read-only after create; each job runs its own child in its own folder.
        flags: BOSS_PLUGIN_THREAD_SAFE)

    static let entry: PluginEntry = PluginEntry(
        info, create: { host, _ in entry.create(host) },
        instance: { host in GalleryDLInstance(host: host) })
}
