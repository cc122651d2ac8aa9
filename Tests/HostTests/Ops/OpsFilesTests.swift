import BossMetrics
import Foundation
import TestSupport
import Testing

/// `ops/` and `docs/OPERATIONS.md` agree with the code: the Grafana board and the metrics reference
/// name exactly the families the bot exports, and the systemd units keep their sandbox.
@Suite("ops/ files")
struct OpsFilesTests {
    static let root = CPluginBuilder.repositoryRoot

    /// Family names in `text` (histogram series `_bucket`/`_sum`/`_count` map to their family).
    static func families(in text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"\b(boss|process)_[a-z_]+"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(
            pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text) }.map { match in
                var name = String(text[match])
                for suffix in ["_bucket", "_sum", "_count"]
                where !MetricName.all.contains(name) && name.hasSuffix(suffix) {
                    name.removeLast(suffix.count)
                }
                return name
            })
    }

    @Test("the Grafana dashboard is valid JSON and charts every family, and nothing else")
    func grafana() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/ops/grafana-dashboard.json"))
        let board = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(board["panels"] as? [[String: Any]])
        let expressions = panels.flatMap { ($0["targets"] as? [[String: Any]]) ?? [] }.compactMap {
            $0["expr"] as? String
        }
        #expect(Self.families(in: expressions.joined(separator: "\n")) == Set(MetricName.all))
    }

    @Test("docs/OPERATIONS.md documents every family, and nothing else")
    func reference() throws {
        let text = try String(contentsOfFile: Self.root + "/docs/OPERATIONS.md", encoding: .utf8)
        let rows = text.split(separator: "\n").filter {
            $0.hasPrefix("| `boss_") || $0.hasPrefix("| `process_")
        }
        #expect(Self.families(in: rows.joined(separator: "\n")) == Set(MetricName.all))
    }

    /// Per systemd unit in ops/, the lines saying what it runs and where it keeps its state.
    static let units: [String: [String]] = [
        "boss-bot.service": [
            "ExecStart=/opt/boss-bot/boss-host run", "StateDirectory=boss-bot",
            "ReadWritePaths=/var/lib/boss-bot",
        ],
        "boss-bot-gateway.service": [
            "ExecStart=/opt/boss-bot/boss-host run", "Environment=BOSS_WORKERS=0", "StateDirectory=boss-bot",
            "ReadWritePaths=/var/lib/boss-bot", "Conflicts=boss-bot.service",
        ],
        "boss-bot-worker@.service": [
            "ExecStart=/opt/boss-bot/boss-host worker", "Description=Boss-Bot download worker %i",
            "StateDirectory=boss-bot-worker-%i", "ReadWritePaths=/var/lib/boss-bot-worker-%i",
            "Environment=BOSS_DATA_DIR=/var/lib/boss-bot-worker-%i/data BOSS_PLUGINS_DIR=/opt/boss-bot/plugins.d",
            "EnvironmentFile=-/etc/boss-bot/worker-%i.env", "Environment=BOSS_METRICS_ADDR=off",
        ],
    ]

    static func lines(of name: String) throws -> [String] {
        try String(contentsOfFile: root + "/ops/" + name, encoding: .utf8).split(separator: "\n").map(
            String.init)
    }

    @Test(
        "each systemd unit is sandboxed, reads the EnvironmentFile and outlasts the shutdown grace",
        arguments: units.keys.sorted())
    func systemdUnit(_ name: String) throws {
        let lines = Set(try Self.lines(of: name))
        for required in [
            "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes",
            "DynamicUser=yes",
            "EnvironmentFile=/etc/boss-bot/boss-bot.env", "KillSignal=SIGTERM", "CapabilityBoundingSet=",
        ] + Self.units[name, default: []] {
            #expect(lines.contains(required), "\(name) misses \(required)")
        }
        let stop = lines.first { $0.hasPrefix("TimeoutStopSec=") }.flatMap {
            Int($0.dropFirst("TimeoutStopSec=".count))
        }
        #expect((stop ?? 0) > 30, "systemd must wait longer than BOSS_SHUTDOWN_GRACE_SECONDS' default")
    }

    @Test(
        "the gateway and worker units keep boss-bot.service's sandbox and stop handling",
        arguments: ["boss-bot-gateway.service", "boss-bot-worker@.service"])
    func sameSandbox(_ name: String) throws {
        let reference = try Self.lines(of: "boss-bot.service")
        let sandbox = reference.drop { $0 != "# Sandbox." }.dropFirst().prefix { !$0.isEmpty }
        try #require(sandbox.count >= 15, "boss-bot.service's '# Sandbox.' section moved")
        let kept = ["DynamicUser=", "StateDirectoryMode=", "UMask=", "Kill", "TimeoutStopSec=", "Restart"]
        let required = Array(sandbox) + reference.filter { line in kept.contains { line.hasPrefix($0) } }
        let lines = Set(try Self.lines(of: name))
        #expect(required.filter { !lines.contains($0) } == [], "\(name) lost these")
    }

    @Test("the example environment file leaves the per-unit settings to the units")
    func environmentExample() throws {
        // An EnvironmentFile overrides Environment=, so one of these here would undo a unit's own value.
        let settings = try Self.lines(of: "boss-bot.env.example").filter { !$0.hasPrefix("#") }
        for unitSet in ["BOSS_WORKERS=", "BOSS_DATA_DIR=", "BOSS_PLUGINS_DIR=", "BOSS_METRICS_ADDR="] {
            #expect(!settings.contains { $0.hasPrefix(unitSet) }, "boss-bot.env.example sets \(unitSet)")
        }
    }
}
