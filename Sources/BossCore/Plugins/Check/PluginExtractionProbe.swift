import Foundation
import Logging
import Synchronization

/// Runs `--url` through a real host runtime (loader, runner, sink with its size, type and name
/// checks) over a temporary plugins and data directory that only holds the plugin under test.
struct PluginExtractionProbe {
    let path: String
    let url: String
    let environment: HostEnvironment
    /// How long the check lets the extraction run before cancelling it, and how long it then allows.
    static let cancelAfter: Duration = .milliseconds(100)
    static let cancelBudget: Duration = .seconds(1)

    func run(_ check: PluginCheck, name: String) async -> PluginCheckResult {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "boss-plugin-check-\(UUID())"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let runtime: HostRuntime
        do {
            runtime = try makeRuntime(root: root)
        } catch {
            return .fail(name, "cannot prepare a host: \(error)")
        }
        if let failure = runtime.loader.loadAll().failures.first {
            return .fail(name, "the host did not load the plugin: \(failure.error)")
        }
        return check == .cancel ? await cancelled(runtime, name: name) : await extracted(runtime, name: name)
    }

    private func makeRuntime(root: String) throws -> HostRuntime {
        let plugins = root + "/plugins.d"
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: path, toPath: plugins + "/" + (path as NSString).lastPathComponent)
        var values = environment.values
        values["BOSS_PLUGINS_DIR"] = plugins
        values["BOSS_DATA_DIR"] = root + "/data"
        let logger = Logger(label: "plugin-check") { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        return try HostRuntime(
            settings: try HostSettings(environment: HostEnvironment(values: values)), logger: logger)
    }

    private func request() -> ExtractionRequest { ExtractionRequest(jobID: JobID(rawValue: 1), url: url) }

    private func extracted(_ runtime: HostRuntime, name: String) async -> PluginCheckResult {
        do {
            let result = try await runtime.runner.extract(request(), control: JobControl())
            let files = result.files.map { "\($0.name) (\($0.type.rawValue), \($0.size) bytes)" }
            return .pass(name, "\(files.count) file(s): " + files.joined(separator: ", "))
        } catch {
            return .fail(name, "\(error)")
        }
    }

    /// The plugin must notice `is_cancelled` (or the sink's CANCELLED) and return promptly.
    private func cancelled(_ runtime: HostRuntime, name: String) async -> PluginCheckResult {
        let control = JobControl()
        let done = CompletionFlag()
        let request = request()
        Task.detached {
            _ = try? await runtime.runner.extract(request, control: control)
            done.set()
        }
        try? await Task.sleep(for: Self.cancelAfter)
        if done.isSet { return .pass(name, "finished before the cancellation") }
        let clock = ContinuousClock()
        let cancelledAt = clock.now
        control.cancel()
        while !done.isSet && clock.now - cancelledAt < Self.cancelBudget {
            try? await Task.sleep(for: .milliseconds(5))
        }
        guard done.isSet else {
            return .fail(name, "extract was still running 1 s after the job was cancelled")
        }
        let elapsed = Int((clock.now - cancelledAt) / .milliseconds(1))
        return .pass(name, "returned \(elapsed) ms after the cancellation")
    }
}
