import BossCore
import Foundation
import Logging

/// `boss-bench`: the host-side rows of `make bench`, one table row per call.
@main
enum BossBench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        switch (arguments.count, arguments.dropFirst().first) {
        case (4, "routing"):
            try RoutingBenchmark.run(directory: arguments[2], count: Int(arguments[3]) ?? 1000)
        case (3, "hotadd"): try await LatencyBenchmarks.hotAdd(plugin: arguments[2])
        case (3, "cancel"): try await LatencyBenchmarks.cancellation(behaviourPlugin: arguments[2])
        case (3, "egress"): try EgressBenchmark.run(url: arguments[2], megabytes: 50 * 1.048576)
        case (4, "ytdlp"): try await YtDlpBenchmark.run(plugin: arguments[2], url: arguments[3])
        default:
            FileHandle.standardError.write(
                Data(
                    "usage: boss-bench routing PLUGINS_DIR COUNT | hotadd PLUGIN.so | cancel BEHAVIOUR.so | egress URL | ytdlp PLUGIN.so URL\n"
                        .utf8))
            exit(2)
        }
    }
}

/// Routes URLs across every plugin in a folder (the bench script builds 20), against the reference of
/// parsing the same URLs with URLComponents, which every URL goes through anyway: routing must be a
/// small multiple of a parse, not a profile entry.
enum RoutingBenchmark {
    static func run(directory: String, count: Int) throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("boss-bench-\(getpid())")
            .path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        var logger = Logger(label: "boss-bench")
        logger.logLevel = .warning
        let registry = PluginRegistry()
        let loader = PluginLoader(
            directory: directory, cacheDirectory: cache,
            hostFactory: PluginHostFactory(environment: HostEnvironment(values: [:]), logger: logger),
            registry: registry,
            logger: logger)
        _ = loader.loadAll()
        let plugins = registry.plugins.count
        let urls = (0..<count).map { index in
            // A mix like real traffic: most URLs match some plugin's example, every fifth matches none.
            index % 5 == 4
                ? "https://unclaimed.example/\(index)/page.html"
                : "https://site\(index % max(plugins, 1)).example/post/\(index)"
        }
        var claimed = 0
        let routing = best(of: 20) {
            claimed = 0
            for url in urls where registry.route(url) != nil { claimed += 1 }
        }
        let parsing = best(of: 20) { for url in urls { _ = URLComponents(string: url) } }
        let perURL = routing / Double(count) * 1e6
        let label = "route \(count) URLs across \(plugins) plugins"
        let figures = String(
            format: " %11.2f µs %11.2f µs %8.2f   (per URL, %d claimed; reference: URLComponents parse)",
            perURL, parsing / Double(count) * 1e6, routing / parsing, claimed)
        print(label.padding(toLength: 46, withPad: " ", startingAt: 0) + figures)
    }

    /// The fastest of `rounds` runs, in seconds: the least disturbed by the rest of the machine.
    static func best(of rounds: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var fastest = Double.infinity
        for _ in 0..<rounds {
            let elapsed = clock.measure(body)
            fastest = min(fastest, elapsed / .seconds(1))
        }
        return fastest
    }
}
