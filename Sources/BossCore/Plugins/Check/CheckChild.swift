import Foundation

/// One check process, with its output in temporary files (a pipe could fill up while we poll).
final class CheckChild {
    enum Outcome {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    private let process = Process()
    private let outputPath: String
    private let errorPath: String

    init(executable: String, arguments: [String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("boss-check-\(UUID())").path
        outputPath = base + ".out"
        errorPath = base + ".err"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        // A crash is reported by its signal; Swift's backtracer would only delay that by seconds.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
    }

    /// Waits for the child; after `timeout` it is killed.
    func wait(timeout: Duration) async -> Outcome {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                ProcessTree.kill(process.processIdentifier)
                process.waitUntilExit()
                return .timedOut
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        process.waitUntilExit()
        let status = process.terminationStatus
        return process.terminationReason == .uncaughtSignal ? .signalled(status) : .exited(status)
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
