import Foundation

/// Reads `KEY=value` files as docker-compose and most dotenv tools do: `#` comments, blank lines, an
/// optional `export ` prefix, and values optionally wrapped in single or double quotes.
enum DotEnvFile {
    static func parse(path: String) throws(ConfigurationError) -> [String: String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableEnvironmentFile(path: path, reason: error.localizedDescription)
        }
        var values: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex else {
                throw .malformedEnvironmentLine(path: path, line: index + 1)
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            values[key] = unquote(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))
        }
        return values
    }

    private static func unquote(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
