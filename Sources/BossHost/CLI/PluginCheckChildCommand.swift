import ArgumentParser
import BossCore
import Foundation

/// The hidden child of `plugin check`: runs one check and prints its results as JSON lines.
struct PluginCheckChildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-child", abstract: "Run one plugin check (used by `plugin check`).",
        shouldDisplay: false)

    @Argument var path: String
    @Option var check: String
    @Option var url: String?

    func run() async throws {
        guard let kind = PluginCheck(rawValue: check) else { throw ValidationError("unknown check \(check)") }
        let environment = try HostEnvironment()
        let results = await PluginProbe.run(kind, path: path, url: url, environment: environment)
        for result in results {
            print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
        }
    }
}
