import PluginABI

/// What a plugin tells the host about itself: the descriptor's fields (docs/PLUGINS.md has their rules).
public struct PluginInfo: Sendable {
    /// Unique, `[a-z0-9_]{1,32}`; also names the plugin's settings (`BOSS_PLUGIN_<ID>_<KEY>`).
    public var id: String
    /// Human-readable, at most 64 bytes.
    public var name: String
    /// The plugin's own version, e.g. `1.2.0`.
    public var version: String
    /// One sentence, at most 200 bytes.
    public var description: String
    /// Site plugins 100, generic ones 0 and below, the gallery-dl catch-all -1000.
    public var priority: Int32
    /// POSIX extended regular expressions, case-insensitive, anchored: the URLs the plugin claims.
    public var patterns: [String]
    /// URLs the plugin handles, each matching a pattern (`plugin check` uses them).
    public var examples: [String]
    /// `BOSS_PLUGIN_*` bits. None by default: a plugin states `BOSS_PLUGIN_THREAD_SAFE` itself, after
    /// checking that overlapping `extract` calls on one instance are safe.
    public var flags: UInt32

    /// The fields; `flags` none unless given.
    public init(
        id: String, name: String, version: String, description: String, priority: Int32,
        patterns: [String], examples: [String], flags: UInt32 = 0
    ) {
        self.id = id
        self.name = name
        self.version = version
        self.description = description
        self.priority = priority
        self.patterns = patterns
        self.examples = examples
        self.flags = flags
    }

    /// The descriptor without its functions; allocated once and never freed, like the strings it
    /// points at, since the host reads it for as long as the library is loaded.
    func makeDescriptor() -> UnsafeMutablePointer<boss_plugin_descriptor> {
        let descriptor = UnsafeMutablePointer<boss_plugin_descriptor>.allocate(capacity: 1)
        descriptor.initialize(to: boss_plugin_descriptor())
        descriptor.pointee.struct_size = UInt32(MemoryLayout<boss_plugin_descriptor>.size)
        descriptor.pointee.abi_version = BOSS_PLUGIN_ABI_VERSION
        descriptor.pointee.id = StaticCString.make(id)
        descriptor.pointee.name = StaticCString.make(name)
        descriptor.pointee.version = StaticCString.make(version)
        descriptor.pointee.description = StaticCString.make(description)
        descriptor.pointee.priority = priority
        descriptor.pointee.url_patterns = StaticCString.array(patterns)
        descriptor.pointee.example_urls = StaticCString.array(examples)
        descriptor.pointee.flags = flags
        return descriptor
    }
}
