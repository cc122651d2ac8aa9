import BossNet
import BossProcess
import Foundation
import Logging

/// gallery-dl downloading the same file directly and through the host's egress proxy, best of 3 each:
/// confining children must cost them under 10 % of their throughput (ratio ≥ 0.9).
enum EgressBenchmark {
    static func run(url: String, megabytes: Double) throws {
        var policy = NetworkPolicy(userAgent: "boss-bench")
        policy.allowPrivateNetworks = true  // the file is served on loopback
        let proxy = EgressProxy(policy: policy, logger: LatencyBenchmarks.quietLogger)
        defer { proxy.stop() }
        let (grant, proxyURL) = try proxy.grant(job: "bench", plugin: "gallerydl", byteBudget: 1 << 40) {
            false
        }
        let direct = try best(of: 3) { try download(url, proxy: nil) }
        let proxied = try best(of: 3) { try download(url, proxy: proxyURL) }
        guard grant.bytesUsed > Int64(megabytes * 1_000_000) else {
            throw BenchFailure("the proxied runs did not go through the proxy (\(grant.bytesUsed) bytes)")
        }
        let label = "gallery-dl 50 MB through the egress proxy"
        let figures = String(
            format:
                " %11.0f MB/s %11.0f MB/s %8.2f   (target >= 0.90; reference: the same gallery-dl, direct)",
            megabytes / proxied, megabytes / direct, direct / proxied)
        print(label.padding(toLength: 46, withPad: " ", startingAt: 0) + figures)
    }

    /// One gallery-dl run into a fresh folder; its wall time in seconds.
    private static func download(_ url: String, proxy: String?) throws -> Double {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("boss-egress-\(UUID())")
            .path
        try FileManager.default.createDirectory(atPath: folder + "/files", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options =
            ["--config-ignore", "-D", folder + "/files", "-R", "0"] + (proxy.map { ["--proxy", $0] } ?? [])
        let command = ChildCommand(
            executable: "gallery-dl", arguments: options + ["--", url],
            environment: ChildEnvironment.make(
                workFolder: folder, searchPath: ProcessInfo.processInfo.environment["PATH"], proxy: proxy),
            workingDirectory: folder, standardOutput: folder + "/out", standardError: folder + "/err")
        let started = ContinuousClock.now
        let outcome = ChildSupervisor().run(command) { nil }
        let elapsed = (ContinuousClock.now - started) / .seconds(1)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/files")) ?? []
        guard outcome == .ended(.exited(0)), files.count == 1 else {
            let errors = (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? ""
            throw BenchFailure("gallery-dl failed (\(outcome)): \(errors.suffix(300))")
        }
        return elapsed
    }

    private static func best(of rounds: Int, _ body: () throws -> Double) throws -> Double {
        try (0..<rounds).map { _ in try body() }.min() ?? .infinity
    }
}

/// A benchmark that could not measure what it claims to.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
