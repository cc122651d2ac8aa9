import ArgumentParser
import BossCore
import Foundation

/// `boss-host plugin check PATH.so [--url URL]... [--json]`: the ABI harness. Exit 0 when every
/// check passes, 1 when one fails, 2 on a usage error.
struct PluginCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a plugin library against the ABI, each check in its own process.",
        discussion: """
            A crash or a hang fails the check it happened in (with the signal's name, or after \
            --timeout) and the others still run. Each --url is extracted through the real host sink \
            in a temporary data directory, then extracted again and cancelled after 100 ms.
            """)

    @Argument(help: "The plugin library (.so).")
    var path: String

    @Option(name: .customLong("url"), help: "A URL to extract (repeatable).")
    var urls: [String] = []

    @Flag(help: "Print a JSON array of {check, passed, reason} instead of lines.")
    var json = false

    @Option(help: "Seconds one check may take before it fails as a hang.")
    var timeout = 60

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ValidationError("no readable file at \(path)")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let runner = PluginCheckRunner(
            executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path,
            pluginPath: URL(fileURLWithPath: path).standardizedFileURL.path, urls: urls,
            timeout: .seconds(timeout))
        let results = await runner.run { result in if !json { print(result.line) } }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
        }
        if results.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
