import Foundation

/// The parent side of `boss-host plugin check`: runs every check in a child process (the host
/// binary itself, re-executed with `plugin check-child`), so a plugin that crashes, aborts or hangs
/// fails its check with the signal's name or a timeout while the harness carries on.
public struct PluginCheckRunner: Sendable {
    /// The `boss-host` executable to re-execute.
    public var executable: String
    /// The plugin library under test.
    public var pluginPath: String
    /// URLs to extract, each checked twice (a full run, a cancelled run).
    public var urls: [String]
    /// How long one check may take before its child is killed.
    public var timeout: Duration

    /// Creates a runner.
    public init(executable: String, pluginPath: String, urls: [String], timeout: Duration) {
        self.executable = executable
        self.pluginPath = pluginPath
        self.urls = urls
        self.timeout = timeout
    }

    /// Runs the checks in order, handing each result to `report` as it comes; stops after a failed
    /// gate check (nothing else can work without an entry point, a descriptor and patterns).
    public func run(report: (PluginCheckResult) -> Void) async -> [PluginCheckResult] {
        let plan: [(PluginCheck, String?)] =
            PluginCheck.staticChecks.map { ($0, nil) } + urls.flatMap { [(.extract, $0), (.cancel, $0)] }
        var results: [PluginCheckResult] = []
        for (check, url) in plan {
            let outcome = await runChild(check, url: url)
            outcome.forEach(report)
            results += outcome
            if check.isGate && outcome.contains(where: { !$0.passed }) { break }
        }
        return results
    }

    func runChild(_ check: PluginCheck, url: String?) async -> [PluginCheckResult] {
        let name = PluginCheckResult.name(check, url: url)
        let arguments =
            ["plugin", "check-child", pluginPath, "--check", check.rawValue]
            + (url.map { ["--url", $0] } ?? [])
        let child: CheckChild
        do {
            child = try CheckChild(executable: executable, arguments: arguments)
        } catch {
            return [.fail(name, "cannot start the check process: \(error)")]
        }
        defer { child.cleanUp() }
        switch await child.wait(timeout: timeout) {
        case .timedOut:
            return [
                .fail(name, "no answer within \(timeout.components.seconds) s: the plugin hangs (killed)")
            ]
        case .signalled(let signal):
            return [.fail(name, "the plugin crashed with \(SignalName.of(signal))" + child.lastErrorLine())]
        case .exited(let status):
            let lines = child.output().split(separator: "\n")
            let results = lines.compactMap {
                try? JSONDecoder().decode(PluginCheckResult.self, from: Data($0.utf8))
            }
            if status != 0 && results.isEmpty {
                return [.fail(name, "the check process exited with status \(status)" + child.lastErrorLine())]
            }
            return results
        }
    }
}
