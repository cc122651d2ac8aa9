/// Why a host HTTP request failed. Descriptions name URLs and addresses, never request headers.
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case unsupportedScheme(String)
    /// The address guard refused the host: it resolves to a non-public address.
    case blockedAddress(host: String, address: String, range: AddressRange)
    case unresolvableHost(host: String, reason: String)
    case tooManyRedirects(limit: Int, lastURL: String)
    case redirectWithoutLocation(status: Int)
    case timedOut(url: String)
    case connectionFailed(url: String, reason: String)
    case cancelled
    case transport(code: Int, message: String)

    /// One line for the operator's log.
    public var description: String {
        switch self {
        case .invalidURL(let url): "invalid URL: \(url)"
        case .unsupportedScheme(let url): "only http and https are allowed: \(url)"
        case .blockedAddress(let host, let address, let range):
            "refused \(host): resolves to \(address), a \(range.rawValue) address"
        case .unresolvableHost(let host, let reason): "cannot resolve \(host): \(reason)"
        case .tooManyRedirects(let limit, let url): "more than \(limit) redirects (last: \(url))"
        case .redirectWithoutLocation(let status): "redirect status \(status) without a Location"
        case .timedOut(let url): "timed out: \(url)"
        case .connectionFailed(let url, let reason): "connection to \(url) failed: \(reason)"
        case .cancelled: "cancelled"
        case .transport(let code, let message): "transfer failed (curl \(code)): \(message)"
        }
    }
}
