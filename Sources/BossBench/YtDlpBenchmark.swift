import BossCore
import BossProcess
import Foundation

/// The yt-dlp plugin (loaded, routed, confined, through the egress proxy, its file taken into the sink) against
/// `yt-dlp` alone on the same local stream, best of 7 each: the plugin must cost under 10 % (ratio ≥ 0.9).
enum YtDlpBenchmark {
    static func run(plugin: String, url: String) async throws {
        let bench = try BenchRuntime(
            plugin: plugin, name: "YtDlpExtractor",
            settings: ["BOSS_ALLOW_PRIVATE_NETWORKS": "1", "BOSS_MAX_FILE_MB": "200"])
        defer { bench.remove() }
        let runtime = bench.runtime
        var bytes: Int64 = 0
        var viaPlugin = Double.infinity
        var alone = Double.infinity
        // Interleaved, so a busy moment of the machine weighs on both sides alike.
        for round in 1...7 {
            let job = JobID(rawValue: Int64(round))
            let started = ContinuousClock.now
            let result = try await runtime.runner.extract(
                ExtractionRequest(jobID: job, url: url), control: JobControl())
            viaPlugin = min(viaPlugin, (ContinuousClock.now - started) / .seconds(1))
            guard result.pluginID == "ytdlp", let file = result.files.first else {
                throw BenchFailure("the plugin delivered no file (plugin \(result.pluginID))")
            }
            bytes = file.size
            runtime.dataDirectory.removeJobDirectory(job, quota: runtime.quota)
            alone = min(alone, try download(url, expecting: bytes, in: bench.root))
        }
        let megabytes = Double(bytes) / 1_000_000
        let label = "yt-dlp plugin vs yt-dlp, \(Int(megabytes.rounded())) MB stream"
        let figures = String(
            format: " %11.0f MB/s %11.0f MB/s %8.2f   (target >= 0.90; reference: yt-dlp alone, direct)",
            megabytes / viaPlugin, megabytes / alone, alone / viaPlugin)
        print(label.padding(toLength: 46, withPad: " ", startingAt: 0) + figures)
    }

    /// One run of yt-dlp alone into a fresh folder; its wall time in seconds.
    private static func download(_ url: String, expecting bytes: Int64, in root: String) throws -> Double {
        let folder = root + "/alone-\(UUID())"
        try FileManager.default.createDirectory(atPath: folder + "/files", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let command = ChildCommand(
            executable: "yt-dlp",
            arguments: [
                "--ignore-config", "--no-playlist", "-o", folder + "/files/%(id)s.%(ext)s", "--", url,
            ],
            environment: ChildEnvironment.make(
                workFolder: folder, searchPath: ProcessInfo.processInfo.environment["PATH"]),
            workingDirectory: folder, standardOutput: folder + "/out", standardError: folder + "/err")
        let started = ContinuousClock.now
        let outcome = ChildSupervisor().run(command) { nil }
        let elapsed = (ContinuousClock.now - started) / .seconds(1)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/files")) ?? []
        let size = files.first.flatMap {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/files/" + $0)
            return (attributes?[.size] as? NSNumber)?.int64Value
        }
        guard outcome == .ended(.exited(0)), files.count == 1, size == bytes else {
            let errors = (try? String(contentsOfFile: folder + "/err", encoding: .utf8)) ?? ""
            throw BenchFailure("yt-dlp alone failed (\(outcome), \(files)): \(errors.suffix(300))")
        }
        return elapsed
    }
}
