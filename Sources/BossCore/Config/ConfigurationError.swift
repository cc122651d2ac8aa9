/// A setting that cannot be used as given. Exit code 2 at start, with this message.
public enum ConfigurationError: CategorizedError, CustomStringConvertible, Equatable {
    /// The value does not parse as `expected` (the value is withheld for secret settings).
    case invalidValue(key: String, value: String, expected: String)
    /// The `.env` file exists but cannot be read.
    case unreadableEnvironmentFile(path: String, reason: String)
    /// A line of the `.env` file is not `KEY=value`.
    case malformedEnvironmentLine(path: String, line: Int)

    /// Configuration problems are the operator's input.
    public var category: ErrorCategory { .userInput }

    /// The same sentence as `description`: the operator is the user here.
    public var userMessage: String { description }

    /// Names the setting and what would be accepted.
    public var description: String {
        switch self {
        case .invalidValue(let key, let value, let expected):
            let shown = SettingKey(rawValue: key)?.isSecret == true ? "<redacted>" : "'\(value)'"
            return "\(key)=\(shown) is not valid: expected \(expected)"
        case .unreadableEnvironmentFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .malformedEnvironmentLine(let path, let line):
            return "\(path):\(line): expected KEY=value"
        }
    }
}
