import BossProcess
import Foundation

/// One check process (the host binary itself, re-executed), started like every child of the host
/// (`BossProcess`): its own process group, no inherited descriptor, output in temporary files (a pipe
/// could fill up while we poll). It gets the host's environment, for the plugin's settings, but never
/// the bot token.
final class CheckChild {
    enum Outcome {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    private let child: ChildProcess
    private let outputPath: String
    private let errorPath: String

    init(executable: String, arguments: [String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("boss-check-\(UUID())").path
        outputPath = base + ".out"
        errorPath = base + ".err"
        var environment = ProcessInfo.processInfo.environment
        for key in SettingKey.allCases where key.isSecret { environment[key.rawValue] = nil }
        // A crash is reported by its signal; Swift's backtracer would only delay that by seconds.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        child = try ChildProcess(
            ChildCommand(
                executable: executable, arguments: arguments, environment: environment,
                standardOutput: outputPath, standardError: errorPath))
    }

    /// Waits for the child; after `timeout` it is killed with everything below it.
    func wait(timeout: Duration) async -> Outcome {
        let deadline = ContinuousClock.now + timeout
        while true {
            switch child.poll() {
            case .exited(let status): return .exited(status)
            case .signalled(let signal): return .signalled(signal)
            case nil: break
            }
            if ContinuousClock.now >= deadline {
                // A hanging plugin's helpers (gallery-dl) run in process groups of their own.
                ProcessTree.kill(child.pid)
                child.stop(grace: .zero)
                return .timedOut
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    func output() -> String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// The child's last stderr line (e.g. a Swift fatal error), as a suffix for a failure reason.
    func lastErrorLine() -> String {
        let text = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        guard let line = text.split(separator: "\n").last(where: { !$0.isEmpty }) else { return "" }
        return ": " + line.prefix(300)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: outputPath)
        try? FileManager.default.removeItem(atPath: errorPath)
    }
}
