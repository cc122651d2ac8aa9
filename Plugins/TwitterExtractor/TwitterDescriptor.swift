import PluginABI

/// The plugin's entry point: serves the descriptor when the host speaks this ABI version.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    hostABIVersion == BOSS_PLUGIN_ABI_VERSION ? UnsafePointer(TwitterDescriptor.descriptor) : nil
}

/// Twitter/X tweets through the public syndication API (no account, no API key).
enum TwitterDescriptor {
    /// Built once, never freed: the host reads it for as long as the library is loaded.
    nonisolated(unsafe) static let descriptor: UnsafeMutablePointer<boss_plugin_descriptor> = {
        let descriptor = UnsafeMutablePointer<boss_plugin_descriptor>.allocate(capacity: 1)
        descriptor.initialize(to: boss_plugin_descriptor())
        descriptor.pointee.struct_size = UInt32(MemoryLayout<boss_plugin_descriptor>.size)
        descriptor.pointee.abi_version = BOSS_PLUGIN_ABI_VERSION
        descriptor.pointee.id = StaticCString.make("twitter")
        descriptor.pointee.name = StaticCString.make("Twitter / X")
        descriptor.pointee.version = StaticCString.make("1.0.0")
        descriptor.pointee.description = StaticCString.make(
            "Downloads the photos, videos and GIFs of a tweet on twitter.com or x.com.")
        descriptor.pointee.priority = 100
        descriptor.pointee.url_patterns = StaticCString.array([TweetURL.pattern])
        descriptor.pointee.example_urls = StaticCString.array([
            "https://x.com/jack/status/20", "https://twitter.com/i/web/status/20/photo/1",
        ])
        descriptor.pointee.flags = BOSS_PLUGIN_THREAD_SAFE
        // Stateless: the instance is the host table itself; config is read per job.
        descriptor.pointee.create = { host, _ in UnsafeMutableRawPointer(mutating: host) }
        descriptor.pointee.extract = { instance, job, url in
            guard let host = instance?.assumingMemoryBound(to: boss_host.self), let job, let url else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            return TwitterExtraction(host: JobHost(host: host, job: job)).run(url: String(cString: url))
        }
        descriptor.pointee.destroy = { _ in }
        return descriptor
    }()
}
