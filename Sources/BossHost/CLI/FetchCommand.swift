import ArgumentParser
import BossCore
import Foundation
import Synchronization

/// `boss-host fetch URL... [-o DIR] [--dry-run]`: downloads through the plugins, queue and sink, no Discord.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download URLs through the plugins with every host check, without Discord.",
        discussion: """
            Exit status: 0 when every download succeeded, 1 when some failed, 2 for usage or configuration \
            errors. Downloads interrupted by a crash of an earlier `fetch` are resumed first.
            """)

    @Argument(help: "The http(s) URLs to download.")
    var urls: [String] = []

    @Option(
        name: .shortAndLong,
        help: "Move the files into this directory (default: keep them under the data dir).")
    var output: String?

    @Flag(help: "Only print which plugin claims each URL and what it would fetch.")
    var dryRun = false

    func validate() throws {
        for url in urls where !FetchCommand.isHTTPURL(url) {
            throw ValidationError("'\(url)' is not an http(s) URL")
        }
        if dryRun && urls.isEmpty { throw ValidationError("--dry-run needs at least one URL") }
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.encodedHost, !host.isEmpty
        else { return false }
        return scheme == "http" || scheme == "https"
    }

    func run() async throws {
        let settings = try HostBootstrap.settings()
        let logger = HostBootstrap.logger(settings, quietDefault: true)
        let runtime = try HostBootstrap.runtime(settings, logger: logger)
        _ = runtime.loader.loadAll()
        if dryRun {
            await DryRunReport(runtime: runtime).print(urls)
            return
        }
        let outputDirectory = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let session = try await FetchSession.start(runtime: runtime)
        let ok = try await session.run(
            urls: urls, context: FetchReplyContext(outputDirectory: outputDirectory))
        if !ok { throw ExitCode.someFailed }
    }
}
