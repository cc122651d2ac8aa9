import PluginABI

/// A plugin for links that point straight at a media file (`https://host/path/clip.mp4`): the host
/// streams the URL into its sink, which checks the bytes. Faster than the gallery-dl catch-all for
/// the most common case, and needs no external tool.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    hostABIVersion == BOSS_PLUGIN_ABI_VERSION ? UnsafePointer(DirectMediaExtractor.descriptor) : nil
}

enum DirectMediaExtractor {
    static let extensions = "jpe?g|png|gif|webp|mp4|m4v|mov|webm|mkv|mp3|m4a|aac|ogg|oga|opus"

    /// Built once, never freed: the host reads it for as long as the library is loaded.
    nonisolated(unsafe) static let descriptor: UnsafeMutablePointer<boss_plugin_descriptor> = {
        let descriptor = PluginDescriptor.make(
            id: "direct", name: "Direct media links", version: "1.0.0",
            description: "Downloads links that point straight at an image, video or audio file.",
            priority: 0,
            patterns: [
                "^https?://[^/?#]+/([^?#]*/)?[^/?#]+\\.(\(extensions))([?#].*)?$"
            ],
            examples: [
                "https://example.com/media/cat.jpg", "https://cdn.example.org/v/clip.mp4?token=1",
            ])
        descriptor.pointee.create = { host, _ in UnsafeMutableRawPointer(mutating: host) }
        descriptor.pointee.extract = { instance, job, url in
            guard let host = instance?.assumingMemoryBound(to: boss_host.self), let url else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            _ = host.pointee.set_metadata(job, "source_url", url)
            return host.pointee.fetch_to_file(job, url, nil, nil)
        }
        descriptor.pointee.destroy = { _ in }
        return descriptor
    }()
}
