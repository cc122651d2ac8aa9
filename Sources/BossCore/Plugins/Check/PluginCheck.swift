/// One check of `boss-host plugin check`. Each runs in its own child process, so a plugin that
/// crashes or hangs fails that check instead of taking the harness down.
public enum PluginCheck: String, CaseIterable, Sendable {
    /// The file is a loadable ELF library exporting `boss_plugin_entry`.
    case entrySymbol = "entry-symbol"
    /// The entry refuses host ABI versions 0 and 999 and serves the current one.
    case abiNegotiation = "abi-negotiation"
    /// The descriptor's fields follow the rules of `boss/descriptor.h`.
    case descriptor
    /// Every URL pattern compiles.
    case patterns
    /// Every example URL matches a pattern.
    case exampleURLs = "example-urls"
    /// URLs that no site plugin should claim are rejected (skipped for the catch-all, priority -1000).
    case foreignURLs = "foreign-urls"
    /// `create` returns an instance, `health` answers, `destroy` returns.
    case createDestroy = "create-destroy"
    /// An extraction of `--url` through the real host sink delivers files.
    case extract
    /// An extraction of `--url` cancelled after 100 ms returns within a second.
    case cancel

    /// Whether the remaining checks are pointless once this one failed.
    public var isGate: Bool { self == .entrySymbol || self == .descriptor || self == .patterns }

    /// Whether the check needs a `--url`.
    public var needsURL: Bool { self == .extract || self == .cancel }

    /// The checks that need no URL, in the order they run.
    public static let staticChecks: [PluginCheck] = allCases.filter { !$0.needsURL }
}
