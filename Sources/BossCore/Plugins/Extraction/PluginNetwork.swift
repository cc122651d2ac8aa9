import BossNet
import Logging

/// The network each plugin call gets. Every request is guarded by the host's policy; the API bases the
/// operator configured for a plugin (`BOSS_PLUGIN_<ID>_API_URL`) are trusted for that plugin's own
/// requests only, never for another plugin's or for what children fetch. Children reach the network
/// through the egress proxy alone.
public struct PluginNetwork: Sendable {
    /// The rules of every request, with no trusted origin.
    public let policy: NetworkPolicy
    /// The egress proxy of child processes.
    public let proxy: EgressProxy
    private let trusted: [String: Set<HTTPOrigin>]
    private let logger: Logger

    /// A network over `policy` (its trusted origins are ignored), trusting `trusted[pluginID]` for that
    /// plugin's requests.
    public init(policy: NetworkPolicy, trusted: [String: Set<HTTPOrigin>], logger: Logger) {
        var guarded = policy
        guarded.trustedOrigins = []
        self.policy = guarded
        self.trusted = trusted
        self.logger = logger
        proxy = EgressProxy(policy: guarded, logger: logger)
    }

    /// The trusted origins of each plugin, from `BOSS_PLUGIN_<ID>_API_URL` settings.
    public static func trustedOrigins(in environment: [String: String]) -> [String: Set<HTTPOrigin>] {
        var trusted: [String: Set<HTTPOrigin>] = [:]
        for (name, value) in environment where name.hasPrefix("BOSS_PLUGIN_") && name.hasSuffix("_API_URL") {
            let id = name.dropFirst("BOSS_PLUGIN_".count).dropLast("_API_URL".count).lowercased()
            if let origin = HTTPOrigin(url: value), !id.isEmpty { trusted[id, default: []].insert(origin) }
        }
        return trusted
    }

    /// The HTTP client of plugin `pluginID`'s requests.
    public func client(for pluginID: String) -> HTTPClient {
        var policy = self.policy
        policy.trustedOrigins = trusted[pluginID] ?? []
        return HTTPClient(policy: policy, logger: logger)
    }
}
