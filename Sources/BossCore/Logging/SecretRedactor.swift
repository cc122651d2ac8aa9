import Foundation

/// Replaces secrets in text with `<redacted>`: the values of settings that hold credentials, and the
/// `user:password@` part of any URL, whoever wrote the text (the host, libcurl, a plugin, a site).
public struct SecretRedactor: Sendable {
    /// The stand-in for a secret.
    public static let mask = "<redacted>"
    /// Secrets shorter than this are not looked for: they would redact ordinary words.
    public static let minimumLength = 8
    /// Words in a plugin setting's name (`BOSS_PLUGIN_<ID>_<KEY>`) that mark its value as a secret.
    public static let secretWords = ["TOKEN", "KEY", "SECRET", "PASSWORD", "PASSWD", "COOKIE", "CREDENTIAL"]

    private let secrets: [String]

    /// A redactor for these literal values (longest first, so a secret containing another goes whole).
    public init(secrets: [String]) {
        self.secrets = Set(secrets.filter { $0.count >= Self.minimumLength }).sorted { $0.count > $1.count }
    }

    /// A redactor for the secrets among `environment`'s settings: `DISCORD_TOKEN`, and every
    /// `BOSS_PLUGIN_<ID>_<KEY>` whose name contains one of `secretWords`.
    public init(environment: HostEnvironment) {
        let plugin = environment.values.filter { name, _ in
            name.hasPrefix("BOSS_PLUGIN_")
                && Self.secretWords.contains {
                    name.dropFirst("BOSS_PLUGIN_".count).uppercased().contains($0)
                }
        }
        let token = environment.values[SettingKey.discordToken.rawValue]
        self.init(secrets: Array(plugin.values) + [token].compactMap { $0 })
    }

    /// `text` with every secret and every URL's credentials replaced by `mask`.
    public func redact(_ text: String) -> String {
        let literal = secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.mask) }
        return Self.redactURLCredentials(literal)
    }

    /// `scheme://user:password@host` becomes `scheme://<redacted>@host`: the user-info is whatever
    /// precedes the last `@` of the authority (which ends at `/`, `?`, `#`, whitespace or a quote).
    static func redactURLCredentials(_ text: String) -> String {
        guard text.contains("://") else { return text }
        var output = Substring()
        var rest = Substring(text)
        while let separator = rest.range(of: "://") {
            output += rest[..<separator.upperBound]
            rest = rest[separator.upperBound...]
            let authority = rest.prefix { !"/?#\"'<>`".contains($0) && !$0.isWhitespace }
            if let at = authority.lastIndex(of: "@") {
                output += Self.mask
                rest = rest[at...]
            }
        }
        return String(output + rest)
    }
}
