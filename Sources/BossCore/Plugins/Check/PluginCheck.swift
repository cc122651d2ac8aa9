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

/// The outcome of one check, as printed (`PASS name` / `FAIL name: reason`) and as JSON.
public struct PluginCheckResult: Codable, Sendable, Equatable {
    /// The check's name, with the URL for per-URL checks (e.g. "extract https://...").
    public var check: String
    /// Whether it passed.
    public var passed: Bool
    /// Why it failed, or a note on a pass (e.g. a degraded health report); nil when there is none.
    public var reason: String?

    /// Creates a result.
    public init(check: String, passed: Bool, reason: String? = nil) {
        self.check = check
        self.passed = passed
        self.reason = reason
    }

    /// A passed check.
    public static func pass(_ check: String, _ note: String? = nil) -> PluginCheckResult {
        PluginCheckResult(check: check, passed: true, reason: note)
    }

    /// A failed check.
    public static func fail(_ check: String, _ reason: String) -> PluginCheckResult {
        PluginCheckResult(check: check, passed: false, reason: reason)
    }

    /// Always writes `reason`, as null when absent: every JSON object has the same three keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(check, forKey: .check)
        try container.encode(passed, forKey: .passed)
        try container.encode(reason, forKey: .reason)
    }

    /// The line printed for people.
    public var line: String {
        passed ? "PASS \(check)" + (reason.map { " (\($0))" } ?? "") : "FAIL \(check): \(reason ?? "failed")"
    }

    /// The name of a check, with its URL when it has one.
    public static func name(_ check: PluginCheck, url: String?) -> String {
        url.map { "\(check.rawValue) \($0)" } ?? check.rawValue
    }
}
