import Foundation

/// The scheme, host and port a URL connects to; the operator's configured API bases are trusted origins.
public struct HTTPOrigin: Hashable, Sendable {
    /// `http` or `https`.
    public var scheme: String
    /// Lower-cased host as DNS and curl see it: an internationalized name stays in its ASCII (punycode)
    /// form. (`URLComponents.host` would decode it, loading ICU's IDNA tables into the process.)
    public var host: String
    /// Explicit port, or 80/443.
    public var port: Int

    /// The origin of `url`, or nil when it is not an absolute http(s) URL.
    public init?(url: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.encodedHost, !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        port = components.port ?? (scheme == "https" ? 443 : 80)
    }
}
