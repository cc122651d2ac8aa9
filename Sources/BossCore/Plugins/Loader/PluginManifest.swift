import PluginABI

/// A validated Swift copy of a plugin's `boss_plugin_descriptor`.
public struct PluginManifest: Sendable, Equatable {
    /// Unique id, `[a-z0-9_]{1,32}`.
    public var id: String
    /// Human-readable name.
    public var name: String
    /// The plugin's own version.
    public var version: String
    /// One sentence.
    public var description: String
    /// The ABI version the plugin serves.
    public var abiVersion: UInt32
    /// Routing priority: higher wins.
    public var priority: Int32
    /// POSIX extended regular expressions.
    public var patterns: [String]
    /// URLs the plugin says it handles.
    public var exampleURLs: [String]
    /// Whether extract may run concurrently on one instance.
    public var isThreadSafe: Bool
    /// Whether the plugin is also tried, last, for URLs its patterns do not match.
    public var isFallback = false
}

extension PluginManifest {
    /// Reads and checks `descriptor` against the rules in `boss/descriptor.h`; returns the manifest and
    /// the compiled patterns.
    static func validate(
        _ descriptor: UnsafePointer<boss_plugin_descriptor>
    ) throws(PluginLoadError) -> (PluginManifest, [URLPattern]) {
        let manifest = try readFields(descriptor)
        let compiled = try compilePatterns(manifest.patterns)
        for url in manifest.exampleURLs where !compiled.contains(where: { $0.matches(url) }) {
            throw .exampleNotClaimed(url: url)
        }
        return (manifest, compiled)
    }

    /// The field rules alone (sizes, ABI version, strings, lists, functions): patterns not compiled.
    static func readFields(
        _ descriptor: UnsafePointer<boss_plugin_descriptor>
    ) throws(PluginLoadError) -> PluginManifest {
        let d = try PluginFunctions.fields(of: descriptor)
        let abiVersion = d.read(\.abi_version, default: 0)
        guard abiVersion == BOSS_PLUGIN_ABI_VERSION else {
            throw .abiVersionMismatch(host: BOSS_PLUGIN_ABI_VERSION, plugin: abiVersion)
        }
        let id = try string(d.read(\.id, default: nil), "id", max: 32)
        guard id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }) else {
            throw .invalidDescriptor(field: "id", reason: "'\(id)' must match [a-z0-9_]+")
        }
        let patterns = try list(d.read(\.url_patterns, default: nil), "url_patterns", max: 32, maxLength: 512)
        let examples = try list(
            d.read(\.example_urls, default: nil), "example_urls", max: 64, maxLength: 2048)
        _ = try PluginFunctions(descriptor)
        let flags = d.read(\.flags, default: 0)
        return PluginManifest(
            id: id, name: try string(d.read(\.name, default: nil), "name", max: 64),
            version: try string(d.read(\.version, default: nil), "version", max: 32),
            description: try string(
                d.read(\.description, default: nil), "description", max: 200, allowEmpty: true),
            abiVersion: abiVersion, priority: d.read(\.priority, default: 0), patterns: patterns,
            exampleURLs: examples, isThreadSafe: flags & BOSS_PLUGIN_THREAD_SAFE != 0,
            isFallback: flags & BOSS_PLUGIN_FALLBACK != 0)
    }

    /// Compiles every pattern; the first that does not compile is the error.
    static func compilePatterns(_ patterns: [String]) throws(PluginLoadError) -> [URLPattern] {
        var compiled: [URLPattern] = []
        for pattern in patterns { compiled.append(try URLPattern(pattern)) }
        return compiled
    }

    private static func string(
        _ pointer: UnsafePointer<CChar>?, _ field: String, max: Int, allowEmpty: Bool = false
    ) throws(PluginLoadError) -> String {
        guard let pointer else { throw .invalidDescriptor(field: field, reason: "is NULL") }
        guard let value = String(validatingCString: pointer) else {
            throw .invalidDescriptor(field: field, reason: "is not UTF-8")
        }
        guard allowEmpty || !value.isEmpty else { throw .invalidDescriptor(field: field, reason: "is empty") }
        guard value.utf8.count <= max else {
            throw .invalidDescriptor(field: field, reason: "is over \(max) bytes")
        }
        return value
    }

    private static func list(
        _ array: UnsafePointer<UnsafePointer<CChar>?>?, _ field: String, max: Int, maxLength: Int
    ) throws(PluginLoadError) -> [String] {
        var values: [String] = []
        var cursor = array
        while let item = cursor?.pointee {
            guard values.count < max else {
                throw .invalidDescriptor(field: field, reason: "has more than \(max) entries")
            }
            values.append(try string(item, field, max: maxLength))
            cursor = cursor?.advanced(by: 1)
        }
        guard !values.isEmpty else {
            throw .invalidDescriptor(field: field, reason: "needs at least one entry")
        }
        return values
    }
}
