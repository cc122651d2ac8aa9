import BossMetrics
import Logging

/// One client connection to the egress proxy: authenticate, resolve the target once, check every
/// address under the host's network policy, connect to a checked address, then relay.
struct ProxyConnection {
    let client: TCPStream
    let grants: EgressGrantTable
    let policy: NetworkPolicy
    let logger: Logger

    /// Headers that concern the hop to the proxy, never the upstream server.
    private static let hopHeaders: Set<String> = [
        "proxy-authorization", "proxy-connection", "connection", "keep-alive", "te", "trailer", "upgrade",
    ]

    func serve() {
        client.setReadTimeout(.seconds(30))  // a client that never finishes its head holds nothing long
        let head: ProxyRequestHead
        let rest: [UInt8]
        do {
            (head, rest) = try ProxyRequestHead.read(from: client)
        } catch {
            return refuse(error, grant: nil)
        }
        guard let grant = grants.authenticate(head.value("Proxy-Authorization")) else {
            return refuse(.authenticationRequired, grant: nil)
        }
        guard grant.isOpen else { return refuse(.jobClosed, grant: grant) }
        client.setReadTimeout(.zero)
        do {
            let target = try ProxyTarget(head)
            let upstream = try connect(target, grant: grant)
            if let path = target.path {
                upstream.write(forwardedHead(head, path: path, target: target))
            } else {
                client.write("HTTP/1.1 200 Connection established\r\n\r\n")
            }
            if !rest.isEmpty { _ = rest.withUnsafeBytes { upstream.write($0) } }
            if TunnelRelay(client: client, upstream: upstream, grant: grant).run() == .cut {
                logger.notice(
                    "egress: cut a connection of job \(grant.job) to \(target.host)",
                    metadata: [
                        "job": "\(grant.job)", "plugin": "\(grant.plugin)", "bytes": "\(grant.bytesUsed)",
                    ])
            }
        } catch {
            refuse(error, grant: grant)
        }
    }

    /// Resolves once, checks every address, and connects to the checked addresses in order.
    private func connect(_ target: ProxyTarget, grant: EgressGrant) throws(ProxyRefusal) -> TCPStream {
        let addresses: [IPAddress]
        do {
            addresses = try policy.checkedAddresses(of: target.host)
        } catch {
            if case .blockedAddress(let host, let address, let range) = error {
                throw .blockedAddress(host: host, address: address, range: range)
            }
            throw .unresolvable(host: target.host)
        }
        var lastFailure = "no address"
        for address in addresses {
            switch TCPStream.connect(to: address, port: target.port, timeout: policy.connectTimeout) {
            case .success(let stream): return stream
            case .failure(let failure): lastFailure = "\(address): \(failure)"
            }
        }
        throw .connectFailed(host: target.host, reason: lastFailure)
    }

    private func forwardedHead(_ head: ProxyRequestHead, path: String, target: ProxyTarget) -> String {
        var lines = ["\(head.method) \(path) HTTP/1.1"]
        for header in head.headers where !Self.hopHeaders.contains(header.name.lowercased()) {
            lines.append("\(header.name): \(header.value)")
        }
        if head.value("Host") == nil { lines.append("Host: \(target.host):\(target.port)") }
        // One request per connection: a second one could name another host.
        lines.append("Connection: close")
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    func refuse(_ refusal: ProxyRefusal, grant: EgressGrant?) {
        var metadata: Logger.Metadata = [:]
        if let grant {
            metadata["job"] = "\(grant.job)"
            metadata["plugin"] = "\(grant.plugin)"
        }
        if case .blockedAddress(let host, let address, _) = refusal {
            metadata["security_event"] = "blocked_address"
            metadata["host"] = "\(host)"
            metadata["address"] = "\(address)"
            BossMetrics.securityEvent("blocked_address")
            grant?.recordRefusal(host: host)
            logger.warning("security: egress proxy refused \(host) for a child process", metadata: metadata)
        } else {
            logger.info("egress proxy: \(refusal.reason)", metadata: metadata)
        }
        client.write(refusal.response)
    }
}
