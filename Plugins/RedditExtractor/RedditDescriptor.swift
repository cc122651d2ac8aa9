import PluginABI

/// The plugin's entry point: serves the descriptor when the host speaks this ABI version.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    hostABIVersion == BOSS_PLUGIN_ABI_VERSION ? UnsafePointer(RedditDescriptor.descriptor) : nil
}

/// Reddit posts (images, galleries, videos with their audio) through the public JSON API.
enum RedditDescriptor {
    /// Built once, never freed: the host reads it for as long as the library is loaded.
    nonisolated(unsafe) static let descriptor: UnsafeMutablePointer<boss_plugin_descriptor> = {
        let descriptor = UnsafeMutablePointer<boss_plugin_descriptor>.allocate(capacity: 1)
        descriptor.initialize(to: boss_plugin_descriptor())
        descriptor.pointee.struct_size = UInt32(MemoryLayout<boss_plugin_descriptor>.size)
        descriptor.pointee.abi_version = BOSS_PLUGIN_ABI_VERSION
        descriptor.pointee.id = StaticCString.make("reddit")
        descriptor.pointee.name = StaticCString.make("Reddit")
        descriptor.pointee.version = StaticCString.make("1.0.0")
        descriptor.pointee.description = StaticCString.make(
            "Downloads the images, galleries and videos (with sound) of a Reddit post.")
        descriptor.pointee.priority = 100
        descriptor.pointee.url_patterns = StaticCString.array(RedditURL.patterns)
        descriptor.pointee.example_urls = StaticCString.array([
            "https://www.reddit.com/r/pics/comments/1abcde/a_title/", "https://redd.it/1abcde",
        ])
        descriptor.pointee.flags = BOSS_PLUGIN_THREAD_SAFE
        // Stateless: the instance is the host table itself; config is read per job.
        descriptor.pointee.create = { host, _ in UnsafeMutableRawPointer(mutating: host) }
        descriptor.pointee.extract = { instance, job, url in
            guard let host = instance?.assumingMemoryBound(to: boss_host.self), let job, let url else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            return RedditExtraction(host: JobHost(host: host, job: job)).run(url: String(cString: url))
        }
        descriptor.pointee.destroy = { _ in }
        return descriptor
    }()
}
