import Foundation
import Logging
import Synchronization

/// The only way out for child processes (gallery-dl, yt-dlp): an HTTP forward proxy on 127.0.0.1 at
/// an ephemeral port, speaking CONNECT (https) and absolute-form requests (http). Each job gets its
/// own random credentials; anything else gets 407. Each target is resolved once, every address is
/// checked by the host's `NetworkPolicy`, and the connection goes to a checked address. Bytes count
/// against the job's budget, and a job that ends, is cancelled or passes its deadline loses its
/// tunnels within a fraction of a second.
///
/// Operator-configured origins (`trustedOrigins`) are never exempt here: children fetch what users
/// posted. The listener starts with the first grant, so commands that run no child never open it.
public final class EgressProxy: Sendable {
    private let policy: NetworkPolicy
    private let logger: Logger
    private let grants = EgressGrantTable()
    private let listener = Mutex<TCPListener?>(nil)
    private let slots: ConnectionSlots

    /// A proxy deciding by `policy` (its trusted origins are ignored), serving at most `maxConnections`
    /// connections at once (more get 503).
    public init(policy: NetworkPolicy, logger: Logger, maxConnections: Int = 128) {
        slots = ConnectionSlots(limit: maxConnections)
        var guarded = policy
        guarded.trustedOrigins = []
        self.policy = guarded
        self.logger = logger
    }

    /// Opens a grant for one job: connections with its credentials work until `revoke`, until
    /// `isStopped` returns true, or until `byteBudget` bytes have moved. Starts the listener if needed.
    public func grant(
        job: String, plugin: String, byteBudget: Int64, isStopped: @escaping @Sendable () -> Bool
    ) throws -> (grant: EgressGrant, url: String) {
        let port = try start()
        let grant = EgressGrant(job: job, plugin: plugin, byteBudget: byteBudget, isStopped: isStopped)
        grants.insert(grant)
        return (grant, grant.proxyURL(port: port))
    }

    /// Ends a grant: new connections get 407, open ones are cut at their next check.
    public func revoke(_ grant: EgressGrant) { grants.remove(grant) }

    /// The listening port, once started.
    public var port: Int? { listener.withLock { $0?.port } }

    /// Stops accepting connections (open tunnels end with their grants).
    public func stop() {
        let stopped = listener.withLock { current in
            defer { current = nil }
            return current
        }
        stopped?.shutDown()
    }

    private func start() throws -> Int {
        try listener.withLock { current in
            if let current { return current.port }
            let opened = try TCPListener()
            current = opened
            let connection = { @Sendable [grants, policy, logger] (client: TCPStream) in
                ProxyConnection(client: client, grants: grants, policy: policy, logger: logger)
            }
            let thread = Thread { [slots] in
                while let client = opened.accept() { Self.handle(connection(client), slots: slots) }
            }
            thread.name = "egress-proxy"
            thread.stackSize = 256 << 10
            thread.start()
            logger.debug("egress proxy listening on 127.0.0.1:\(opened.port)")
            return opened.port
        }
    }

    /// Each connection on a thread of its own (a tunnel blocks in poll for as long as it lives), at most
    /// `slots` at once: a child opening connections without end gets 503s, not the host's threads.
    private static func handle(_ connection: ProxyConnection, slots: ConnectionSlots) {
        guard slots.take() else { return connection.refuse(.busy, grant: nil) }
        let thread = Thread {
            connection.serve()
            slots.give()
        }
        thread.name = "egress-connection"
        thread.stackSize = 512 << 10
        thread.start()
    }
}
