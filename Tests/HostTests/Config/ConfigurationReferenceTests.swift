import BossCore
import Foundation
import TestSupport
import Testing

@Suite("docs/CONFIGURATION.md matches the settings the code reads")
struct ConfigurationReferenceTests {
    static let rows: [String: String] = {
        let path = CPluginBuilder.repositoryRoot + "/docs/CONFIGURATION.md"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var rows: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        return rows
    }()

    @Test("every setting is documented with its default", arguments: SettingKey.allCases)
    func documented(_ key: SettingKey) throws {
        let documentedDefault = try #require(
            Self.rows[key.rawValue], "\(key.rawValue) is missing from the page")
        #expect(documentedDefault == (key.defaultValue.map { "`\($0)`" } ?? "(none)"))
    }

    @Test("the page documents no setting the code does not read")
    func nothingExtra() {
        #expect(Set(Self.rows.keys) == Set(SettingKey.allCases.map(\.rawValue)))
    }
}
