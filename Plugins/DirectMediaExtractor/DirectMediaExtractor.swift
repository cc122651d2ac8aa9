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
        let descriptor = UnsafeMutablePointer<boss_plugin_descriptor>.allocate(capacity: 1)
        descriptor.initialize(to: boss_plugin_descriptor())
        descriptor.pointee.struct_size = UInt32(MemoryLayout<boss_plugin_descriptor>.size)
        descriptor.pointee.abi_version = BOSS_PLUGIN_ABI_VERSION
        descriptor.pointee.id = StaticCString.make("direct")
        descriptor.pointee.name = StaticCString.make("Direct media links")
        descriptor.pointee.version = StaticCString.make("1.0.0")
        descriptor.pointee.description = StaticCString.make(
            "Downloads links that point straight at an image, video or audio file.")
        descriptor.pointee.priority = 0
        descriptor.pointee.url_patterns = StaticCString.array([
            "^https?://[^/?#]+/([^?#]*/)?[^/?#]+\\.(\(extensions))([?#].*)?$"
        ])
        descriptor.pointee.example_urls = StaticCString.array([
            "https://example.com/media/cat.jpg", "https://cdn.example.org/v/clip.mp4?token=1",
        ])
        descriptor.pointee.flags = BOSS_PLUGIN_THREAD_SAFE
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

/// C strings and string arrays that live as long as the library: the descriptor points at them.
enum StaticCString {
    static func make(_ string: String) -> UnsafePointer<CChar> {
        let bytes = Array(string.utf8CString)
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        return UnsafePointer(storage)
    }

    /// A NULL-terminated array, as the ABI's pattern and example lists are.
    static func array(_ strings: [String]) -> UnsafePointer<UnsafePointer<CChar>?> {
        let storage = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { (storage + index).initialize(to: make(string)) }
        (storage + strings.count).initialize(to: nil)
        return UnsafePointer(storage)
    }
}
