/// Why a file in the plugins directory is not loaded. The host logs it once and lists it in `plugins`.
public enum PluginLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// dlopen refused the file (not ELF, missing dependency...): dlerror's text.
    case notLoadable(reason: String)
    /// The library has no `boss_plugin_entry` symbol.
    case missingEntrySymbol
    /// `boss_plugin_entry` returned NULL for the host's ABI version.
    case abiRefused(hostVersion: UInt32)
    /// The descriptor declares another ABI version than the host's.
    case abiVersionMismatch(host: UInt32, plugin: UInt32)
    /// A descriptor field breaks the rules in the header.
    case invalidDescriptor(field: String, reason: String)
    /// A URL pattern does not compile.
    case badPattern(pattern: String, reason: String)
    /// A declared example URL matches none of the plugin's patterns.
    case exampleNotClaimed(url: String)
    /// Another loaded plugin has the same id.
    case duplicateID(id: String, loadedFrom: String)
    /// `create` returned NULL.
    case createFailed(id: String)
    /// The private copy could not be made.
    case copyFailed(reason: String)
    /// The file, its folder or the plugins folder is owned by another user or writable by others.
    case insecure(path: String, reason: String)

    /// One line for the log and `boss-host plugins`.
    public var description: String {
        switch self {
        case .notLoadable(let reason): "not a loadable library: \(reason)"
        case .missingEntrySymbol: "no exported symbol boss_plugin_entry"
        case .abiRefused(let host): "the plugin does not support host ABI version \(host)"
        case .abiVersionMismatch(let host, let plugin):
            "plugin ABI version \(plugin), host ABI version \(host)"
        case .invalidDescriptor(let field, let reason): "invalid descriptor field \(field): \(reason)"
        case .badPattern(let pattern, let reason): "URL pattern \(pattern) does not compile: \(reason)"
        case .exampleNotClaimed(let url): "example URL \(url) matches none of the plugin's patterns"
        case .duplicateID(let id, let path): "plugin id '\(id)' is already loaded from \(path)"
        case .createFailed(let id): "plugin '\(id)' failed to create its instance"
        case .copyFailed(let reason): "cannot make a private copy: \(reason)"
        case .insecure(let path, let reason):
            "refused: \(path) is \(reason); others could make the host run their code (fix with chown or"
                + " chmod go-w, or set BOSS_PLUGINS_INSECURE=1 to load it anyway)"
        }
    }
}
