import PluginABI

/// The video and audio sites yt-dlp is best at (YouTube, TikTok, Instagram reels, Twitch, Vimeo,
/// SoundCloud...): each job runs the yt-dlp CLI as a confined child, and the file it finishes is
/// streamed into the host's sink, which checks it like any other download.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    hostABIVersion == BOSS_PLUGIN_ABI_VERSION ? UnsafePointer(YtDlpExtractor.descriptor) : nil
}

enum YtDlpExtractor {
    /// Built once, never freed: the host reads it for as long as the library is loaded.
    nonisolated(unsafe) static let descriptor: UnsafeMutablePointer<boss_plugin_descriptor> = {
        // A site plugin's priority for the sites it claims; as a fallback, yt-dlp's generic extractor is
        // also the chain's last resort for any page (e.g. one with an HTML5 <video>).
        let descriptor = PluginDescriptor.make(
            id: "ytdlp", name: "yt-dlp", version: "1.0.0",
            description:
                "Downloads videos and audio from YouTube, TikTok, Instagram, Twitch, Vimeo, SoundCloud and more.",
            priority: 100, patterns: YtDlpURL.patterns, examples: YtDlpURL.examples,
            flags: BOSS_PLUGIN_THREAD_SAFE | BOSS_PLUGIN_FALLBACK)
        descriptor.pointee.create = { host, _ in
            guard let host else { return nil }
            return Unmanaged.passRetained(YtDlpInstance(host: host)).toOpaque()
        }
        descriptor.pointee.extract = { instance, job, url in
            guard let instance, let job, let url else { return BOSS_ERR_INVALID_ARGUMENT }
            let plugin = Unmanaged<YtDlpInstance>.fromOpaque(instance).takeUnretainedValue()
            return plugin.extract(job: job, url: String(cString: url))
        }
        descriptor.pointee.destroy = { instance in
            guard let instance else { return }
            Unmanaged<YtDlpInstance>.fromOpaque(instance).release()
        }
        descriptor.pointee.health = { instance in
            guard let instance else { return nil }
            let plugin = Unmanaged<YtDlpInstance>.fromOpaque(instance).takeUnretainedValue()
            return plugin.binaryPath() == nil ? YtDlpInstance.notInstalled : nil
        }
        return descriptor
    }()
}
