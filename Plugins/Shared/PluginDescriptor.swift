import PluginABI

/// Builds a plugin's descriptor: allocated once and never freed, since the host reads it for as long as
/// the library is loaded. The caller sets `create`, `extract`, `destroy` and `health` on the result.
/// (Shared as source, symlinked into each plugin.)
enum PluginDescriptor {
    static func make(
        id: String, name: String, version: String, description: String, priority: Int32,
        patterns: [String], examples: [String], flags: UInt32 = BOSS_PLUGIN_THREAD_SAFE
    ) -> UnsafeMutablePointer<boss_plugin_descriptor> {
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
