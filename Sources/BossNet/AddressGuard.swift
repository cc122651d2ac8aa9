import Foundation
import Logging

/// The SSRF guard of the host's own requests: resolves each hop's host and refuses it when any address
/// is not public, then pins the connection to the addresses it checked so a second DNS answer cannot
/// swap them (no rebinding). curl tries the pinned addresses in order, so one unreachable address
/// does not fail a host that has others.
struct AddressGuard {
    let policy: NetworkPolicy
    let logger: Logger

    /// The `CURLOPT_RESOLVE` entry pinning `url`'s host, or nil when the hop is exempt or the host is
    /// an IP literal (nothing to resolve). Throws when the hop is refused.
    func check(_ url: CurlURL) throws(HTTPError) -> String? {
        let origin = HTTPOrigin(url: url.text)
        if policy.allowPrivateNetworks || origin.map(policy.trustedOrigins.contains) == true { return nil }
        let addresses: [IPAddress]
        do {
            addresses = try policy.checkedAddresses(of: url.host)
        } catch {
            if case .blockedAddress(_, let address, let range) = error {
                logger.warning(
                    "security: refused request to a \(range.rawValue) address",
                    metadata: [
                        "security_event": "ssrf_refused", "host": "\(url.host)", "address": "\(address)",
                    ])
            }
            throw error
        }
        guard IPAddress(url.host) == nil else { return nil }
        let pinned = addresses.map { $0.bytes.count == 16 ? "[\($0)]" : $0.description }
        return "\(url.host):\(url.port):\(pinned.joined(separator: ","))"
    }
}
