import Foundation
import TestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One read of `/metrics`, parsed from the Prometheus text format.
struct MetricsScrape {
    var series: [(name: String, labels: [String: String], value: Double)] = []
    var text: String

    init(_ text: String) {
        self.text = text
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...])
            else { continue }
            let key = line[..<space]
            var labels: [String: String] = [:]
            let name: Substring
            if let brace = key.firstIndex(of: "{") {
                name = key[..<brace]
                for pair in key[key.index(after: brace)..<key.index(before: key.endIndex)].split(
                    separator: ",")
                {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    labels[String(parts[0])] = parts[1].trimmingCharacters(
                        in: CharacterSet(charactersIn: "\""))
                }
            } else {
                name = key
            }
            series.append((String(name), labels, value))
        }
    }

    /// The sum of the series named `name` whose labels include `labels`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        series.filter { entry in entry.name == name && labels.allSatisfy { entry.labels[$0.key] == $0.value }
        }
        .reduce(0) { $0 + $1.value }
    }

    /// Whether family `name` has a series (a histogram counts by its `_count`).
    func has(_ family: String) -> Bool {
        series.contains { $0.name == family || $0.name == family + "_count" }
    }

    /// GETs `url`: status and body.
    static func get(_ url: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Reads `/metrics` under `base`.
    static func read(_ base: String) async throws -> MetricsScrape {
        MetricsScrape(try await get(base + "/metrics").body)
    }
}

extension BotHarness {
    /// `http://127.0.0.1:PORT` of the bot's metrics server, from its log line.
    func metricsBase() async throws -> String {
        var base: String?
        _ = await eventually(within: .seconds(10)) {
            let log = bot.stderr
            guard
                let range = log.range(
                    of: #"metrics: serving http://127\.0\.0\.1:\d+"#, options: .regularExpression)
            else { return false }
            base = String(log[range].dropFirst("metrics: serving ".count))
            return true
        }
        guard let base else { throw StartFailure(stderr: bot.stderr) }
        return base
    }
}
