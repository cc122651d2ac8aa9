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
        let descriptor = PluginDescriptor.make(
            id: "twitter", name: "Twitter / X", version: "1.0.0",
            description: "Downloads the photos, videos and GIFs of a tweet on twitter.com or x.com.",
            priority: 100, patterns: [TweetURL.pattern],
            examples: [
                "https://x.com/jack/status/20", "https://twitter.com/i/web/status/20/photo/1",
            ])
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
