import PluginABI

/// Makes the `boss_host` table and `boss_config` a plugin instance is created with. A seam so that the
/// loader does not depend on how host services are implemented.
public protocol PluginHostProvider: Sendable {
    /// The binding for a plugin about to be created; it must stay alive until the instance is destroyed.
    func makeHost(for manifest: PluginManifest) -> PluginHostBinding
}

/// C memory handed to a plugin's `create`, kept alive by `owner` for as long as the binding lives.
public final class PluginHostBinding: @unchecked Sendable {
    // @unchecked: the pointers are written once by the provider and only read afterwards.
    /// The host table.
    public let host: UnsafePointer<boss_host>
    /// The configuration.
    public let config: UnsafePointer<boss_config>
    private let owner: AnyObject

    /// Wraps pointers whose memory `owner` keeps alive.
    public init(host: UnsafePointer<boss_host>, config: UnsafePointer<boss_config>, owner: AnyObject) {
        self.host = host
        self.config = config
        self.owner = owner
    }
}
