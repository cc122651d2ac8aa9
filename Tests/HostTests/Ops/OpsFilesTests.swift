import BossMetrics
import Foundation
import TestSupport
import Testing

/// `ops/` and `docs/OPERATIONS.md` agree with the code: the Grafana board and the metrics reference
/// name exactly the families the bot exports, and the systemd unit keeps its sandbox.
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

    @Test("the systemd unit is sandboxed, reads an EnvironmentFile and outlasts the shutdown grace")
    func systemdUnit() throws {
        let unit = try String(contentsOfFile: Self.root + "/ops/boss-bot.service", encoding: .utf8)
        let lines = Set(unit.split(separator: "\n").map(String.init))
        for required in [
            "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "ProtectHome=yes",
            "StateDirectory=boss-bot", "ReadWritePaths=/var/lib/boss-bot",
            "EnvironmentFile=/etc/boss-bot/boss-bot.env",
            "KillSignal=SIGTERM", "ExecStart=/opt/boss-bot/boss-host run", "CapabilityBoundingSet=",
        ] {
            #expect(lines.contains(required), "missing \(required)")
        }
        let stop = lines.first { $0.hasPrefix("TimeoutStopSec=") }.flatMap {
            Int($0.dropFirst("TimeoutStopSec=".count))
        }
        #expect((stop ?? 0) > 30, "systemd must wait longer than BOSS_SHUTDOWN_GRACE_SECONDS' default")
    }
}
