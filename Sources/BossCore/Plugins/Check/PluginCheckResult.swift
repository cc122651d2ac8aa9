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
