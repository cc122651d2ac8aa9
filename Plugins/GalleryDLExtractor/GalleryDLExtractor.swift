import PluginABI

/// The catch-all plugin: any http(s) link no other plugin claims goes to the gallery-dl CLI, which
/// knows hundreds of sites. It runs as a child process in the job's work folder, and every file it
/// finishes is streamed into the host's sink, which checks it like any other download.
@_cdecl("boss_plugin_entry")
public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
    hostABIVersion == BOSS_PLUGIN_ABI_VERSION ? UnsafePointer(GalleryDLExtractor.descriptor) : nil
}

enum GalleryDLExtractor {
    /// Built once, never freed: the host reads it for as long as the library is loaded.
    nonisolated(unsafe) static let descriptor: UnsafeMutablePointer<boss_plugin_descriptor> = {
        // The lowest priority of all: every site plugin and the direct-link plugin win over it.
        let descriptor = PluginDescriptor.make(
            id: "gallerydl", name: "gallery-dl", version: "1.0.0",
            description:
                "Downloads from the many sites gallery-dl supports, for links no other plugin claims.",
            priority: -1000, patterns: ["^https?://[^/?#]+"],
            examples: [
                "https://www.deviantart.com/artist/art/title-123456", "http://example.com/gallery/1",
            ])
        descriptor.pointee.create = { host, _ in
            guard let host else { return nil }
            return Unmanaged.passRetained(GalleryDLInstance(host: host)).toOpaque()
        }
        descriptor.pointee.extract = { instance, job, url in
            guard let instance, let job, let url else { return BOSS_ERR_INVALID_ARGUMENT }
            return GalleryDLInstance.from(instance).extract(job: job, url: String(cString: url))
        }
        descriptor.pointee.destroy = { instance in
            guard let instance else { return }
            Unmanaged<GalleryDLInstance>.fromOpaque(instance).release()
        }
        descriptor.pointee.health = { instance in
            guard let instance, GalleryDLInstance.from(instance).binaryPath() == nil else { return nil }
            return GalleryDLInstance.notInstalled
        }
        return descriptor
    }()
}
