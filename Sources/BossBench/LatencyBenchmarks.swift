import BossCore
import Foundation
import Logging

/// Latencies with an absolute target, reported against that target (the ratio must stay under 1).
enum LatencyBenchmarks {
    static var quietLogger: Logger {
        var logger = Logger(label: "boss-bench")
        logger.logLevel = .critical
        return logger
    }

    /// A plugin renamed into a watched folder: time until it routes its example URL (median of 5).
    static func hotAdd(plugin: String) async throws {
        var samples: [Double] = []
        for round in 0..<5 {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "boss-hot-\(getpid())-\(round)"
            ).path
            defer { try? FileManager.default.removeItem(atPath: root) }
            try FileManager.default.createDirectory(
                atPath: root + "/plugins", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: plugin, toPath: root + "/staged.so")
            let registry = PluginRegistry()
            let loader = PluginLoader(
                directory: root + "/plugins", cacheDirectory: root + "/cache",
                hostFactory: PluginHostFactory(
                    environment: HostEnvironment(values: [:]), logger: quietLogger),
                registry: registry, logger: quietLogger)
            _ = loader.loadAll()
            let watcher = PluginDirectoryWatcher(loader: loader)
            watcher.start()
            defer { watcher.stop() }
            // Land anywhere after the watcher's first scans (it scans on inotify events, not on a timer).
            try await Task.sleep(for: .milliseconds(Int.random(in: 100...600)))
            let clock = ContinuousClock()
            let added = clock.now
            rename(root + "/staged.so", root + "/plugins/plugin.so")
            while registry.plugins.isEmpty && clock.now - added < .seconds(10) {
                try await Task.sleep(for: .milliseconds(1))
            }
            samples.append(seconds(clock.now - added))
        }
        report("hot-add: file renamed in -> takes jobs", samples, target: 0.1, unit: "s")
    }

    /// A plugin blocked until it sees cancellation: time from `cancel()` to `extract` returning.
    static func cancellation(behaviourPlugin: String) async throws {
        let bench = try BenchRuntime(plugin: behaviourPlugin, name: "behaviour")
        defer { bench.remove() }
        let runtime = bench.runtime
        var samples: [Double] = []
        for round in 0..<5 {
            let control = JobControl()
            let clock = ContinuousClock()
            let cancelledAt = Task {
                try await Task.sleep(for: .milliseconds(200))
                let now = clock.now
                control.cancel()
                return now
            }
            let request = ExtractionRequest(
                jobID: JobID(rawValue: Int64(round + 1)), url: "http://127.0.0.1:1/slow/x")
            _ = try? await runtime.runner.extract(request, control: control)
            samples.append(seconds(clock.now - (try await cancelledAt.value)))
        }
        report("cancel -> plugin's extract returns", samples, target: 1.0, unit: "s")
    }

    static func seconds(_ duration: Duration) -> Double {
        duration / .seconds(1)
    }

    static func report(_ label: String, _ samples: [Double], target: Double, unit: String) {
        let median = samples.sorted()[samples.count / 2]
        let figures = String(
            format:
                " %11.3f \(unit) %11.3f \(unit) %8.2f   (median of %d, worst %.3f \(unit); reference: the target)",
            median, target, median / target, samples.count, samples.max() ?? 0)
        print(label.padding(toLength: 46, withPad: " ", startingAt: 0) + figures)
    }
}
