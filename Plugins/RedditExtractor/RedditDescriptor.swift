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
        let descriptor = PluginDescriptor.make(
            id: "reddit", name: "Reddit", version: "1.0.0",
            description: "Downloads the images, galleries and videos (with sound) of a Reddit post.",
            priority: 100, patterns: RedditURL.patterns,
            examples: [
                "https://www.reddit.com/r/pics/comments/1abcde/a_title/", "https://redd.it/1abcde",
            ])
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
