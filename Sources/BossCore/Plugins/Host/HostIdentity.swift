/// How the host names itself to plugins and upstream servers.
public enum HostIdentity {
    /// The host program's name.
    public static let name = "boss-host"
    /// The host's version.
    public static let version = "0.1.0"
    /// The User-Agent of every HTTP request the host makes for a plugin.
    public static let userAgent = "boss-bot/\(version) (+https://github.com/boss-bot/boss-bot)"
}
