import PluginABI

/// A Swift plugin's descriptor and its C entry points, built once from closures. A plugin declares one
/// in a `static let` and serves it from its `@_cdecl("boss_plugin_entry")` function:
///
///     enum MyPlugin {
///         static let entry: PluginEntry = PluginEntry(
///             info, create: { host, _ in entry.create(host) }, extract: { job, url in ... })
///     }
///
///     @_cdecl("boss_plugin_entry")
///     public func bossPluginEntry(_ hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
///         MyPlugin.entry.descriptor(forHostABI: hostABIVersion)
///     }
///
/// `create` must be the plugin's own C closure calling `entry.create(host)`: a C function pointer
/// cannot carry the plugin's closures, and PluginKit keeps no global that could (see `Package.swift`).
public final class PluginEntry: @unchecked Sendable {
    // @unchecked: immutable after init; the descriptor is never written after it is built.
    /// Built once, never freed: the host reads it for as long as the library is loaded.
    private let descriptor: UnsafeMutablePointer<boss_plugin_descriptor>
    private let makeExtractor: @Sendable (PluginHost) -> (any PluginExtractor)?

    /// The C type of the descriptor's `create`.
    public typealias CreateFunction =
        @convention(c) (UnsafePointer<boss_host>?, UnsafePointer<boss_config>?) -> UnsafeMutableRawPointer?

    /// A plugin whose instance is made from the host at `create` (it reads its settings once).
    public init(
        _ info: PluginInfo, create: CreateFunction,
        instance: @escaping @Sendable (PluginHost) -> (any PluginExtractor)?
    ) {
        descriptor = info.makeDescriptor()
        makeExtractor = instance
        descriptor.pointee.create = create
        descriptor.pointee.extract = { instance, job, url in
            guard let instance, let job, let url else { return BOSS_ERR_INVALID_ARGUMENT }
            return PluginInstance.from(instance).extract(job: job, url: String(cString: url))
        }
        descriptor.pointee.destroy = { instance in
            guard let instance else { return }
            Unmanaged<PluginInstance>.fromOpaque(instance).release()
        }
        descriptor.pointee.health = { instance in
            guard let instance else { return nil }
            return PluginInstance.from(instance).health()
        }
    }

    /// A stateless plugin: every job is one call of `extract` (settings are read per job).
    public convenience init(
        _ info: PluginInfo, create: CreateFunction,
        extract: @escaping @Sendable (JobHost, String) -> boss_status
    ) {
        self.init(info, create: create) { _ in ClosureExtractor(extract) }
    }

    /// The descriptor for a host that speaks `hostABIVersion`, or nil when this build does not serve it.
    public func descriptor(forHostABI hostABIVersion: UInt32) -> UnsafePointer<boss_plugin_descriptor>? {
        hostABIVersion == BOSS_PLUGIN_ABI_VERSION ? UnsafePointer(descriptor) : nil
    }

    /// The body of the plugin's `create`: a retained instance for the host, or nil when the plugin
    /// cannot run (it logged why).
    public func create(_ host: UnsafePointer<boss_host>?) -> UnsafeMutableRawPointer? {
        guard let host, let extractor = makeExtractor(PluginHost(host)) else { return nil }
        return Unmanaged.passRetained(PluginInstance(host: host, extractor: extractor)).toOpaque()
    }
}

/// What `extract` of a stateless plugin runs.
private struct ClosureExtractor: PluginExtractor {
    let body: @Sendable (JobHost, String) -> boss_status
    init(_ body: @escaping @Sendable (JobHost, String) -> boss_status) { self.body = body }
    func extract(_ job: JobHost, url: String) -> boss_status { body(job, url) }
}
