import Foundation

extension HostEnvironment {
    /// A whole number within `range`.
    public func integer(_ key: SettingKey, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let raw = self[key] ?? ""
        guard let value = Int(raw), range.contains(value) else {
            throw .invalidValue(key: key.rawValue, value: raw, expected: "a whole number in \(range)")
        }
        return value
    }

    /// `1`/`true`/`yes` or `0`/`false`/`no`.
    public func flag(_ key: SettingKey) throws(ConfigurationError) -> Bool {
        switch self[key]?.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no", nil: return false
        case let other?: throw .invalidValue(key: key.rawValue, value: other, expected: "0 or 1")
        }
    }

    /// A comma-separated list of numeric IDs (empty when unset).
    public func idList(_ key: SettingKey) throws(ConfigurationError) -> [String] {
        let items = (self[key] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let ids = items.filter { !$0.isEmpty }
        if let bad = ids.first(where: { !$0.allSatisfy(\.isNumber) }) {
            throw .invalidValue(
                key: key.rawValue, value: bad, expected: "comma-separated numeric Discord IDs")
        }
        return ids
    }
}
