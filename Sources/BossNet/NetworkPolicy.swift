import Foundation

/// The scheme, host and port a URL connects to; the operator's configured API bases are trusted origins.
public struct HTTPOrigin: Hashable, Sendable {
    /// `http` or `https`.
    public var scheme: String
    /// Lower-cased host.
    public var host: String
    /// Explicit port, or 80/443.
    public var port: Int

    /// The origin of `url`, or nil when it is not an absolute http(s) URL.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        port = components.port ?? (scheme == "https" ? 443 : 80)
    }
}

/// The rules every host HTTP request follows.
public struct NetworkPolicy: Sendable {
    /// Let requests reach loopback and private addresses (`BOSS_ALLOW_PRIVATE_NETWORKS=1`, tests only).
    public var allowPrivateNetworks = false
    /// Origins the operator configured (API bases): exempt from the address guard, still http(s) only.
    public var trustedOrigins: Set<HTTPOrigin> = []
    /// The User-Agent header.
    public var userAgent: String
    /// Time to establish a connection.
    public var connectTimeout: Duration = .seconds(10)
    /// A transfer slower than `lowSpeedLimit` bytes/s for `lowSpeedTime` is aborted.
    public var lowSpeedLimit = 1024
    /// See `lowSpeedLimit`.
    public var lowSpeedTime: Duration = .seconds(30)
    /// Redirects followed at most.
    public var maxRedirects = 5
    /// A cap on the whole transfer, if any.
    public var totalTimeout: Duration?

    /// A policy with defaults and the given User-Agent.
    public init(userAgent: String) { self.userAgent = userAgent }
}

extension Duration {
    var milliseconds: Int { Int(self / .milliseconds(1)) }
}
