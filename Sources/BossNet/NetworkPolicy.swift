import Foundation

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
    /// A transfer averaging under `lowSpeedLimit` bytes/s for `lowSpeedTime` is aborted (8 KiB/s over
    /// 60 s: a server trickling bytes cannot hold a worker for hours).
    public var lowSpeedLimit = 8192
    /// See `lowSpeedLimit`.
    public var lowSpeedTime: Duration = .seconds(60)
    /// Redirects followed at most.
    public var maxRedirects = 5
    /// A cap on the whole transfer, if any.
    public var totalTimeout: Duration?
    /// Turns host names into the addresses that are checked and connected to.
    public var resolver: any HostResolver = SystemResolver()

    /// A policy with defaults and the given User-Agent.
    public init(userAgent: String) { self.userAgent = userAgent }

    /// The addresses `host` resolves to, once, each checked: unless private networks are allowed, the
    /// first address outside the public internet refuses the whole host (`.blockedAddress`). The host's
    /// own requests and the egress proxy of child processes both decide here.
    public func checkedAddresses(of host: String) throws(HTTPError) -> [IPAddress] {
        let addresses = try resolver.addresses(of: host)
        if !allowPrivateNetworks, let refused = addresses.first(where: { $0.range != .public }) {
            throw .blockedAddress(host: host, address: refused.description, range: refused.range)
        }
        return addresses
    }
}
