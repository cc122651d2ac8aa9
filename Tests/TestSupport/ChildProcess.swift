import Foundation

/// A real child process with its output captured in files (so a killed child loses nothing already
/// written), for end-to-end tests of the `boss-host` binary.
public final class ChildProcess: @unchecked Sendable {
    // @unchecked: Process is not Sendable; this wrapper only reads it after launch, from one test.
    private let process = Process()
    private let outputPath: String
    private let errorPath: String
    /// Holds the captured output; it goes with the last reference, as the output is read until then.
    private let capture: TemporaryFolder

    /// Starts `executable` with `arguments`, the environment `environment` (nothing inherited but PATH,
    /// HOME and LLVM_PROFILE_FILE) and `directory` as working directory. LLVM_PROFILE_FILE, set by
    /// `swift test --enable-code-coverage`, makes the child's coverage count with the tests'.
    public init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String)
        throws
    {
        capture = try TemporaryFolder(prefix: "boss-child")
        outputPath = capture.file("stdout")
        errorPath = capture.file("stderr")
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = environment
        let inherited = ProcessInfo.processInfo.environment
        env["PATH"] = env["PATH"] ?? inherited["PATH"]
        env["HOME"] = env["HOME"] ?? inherited["HOME"]
        env["LLVM_PROFILE_FILE"] = env["LLVM_PROFILE_FILE"] ?? inherited["LLVM_PROFILE_FILE"]
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Runs to the end and returns (exit status, stdout, stderr); kills the child after `timeout`.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String,
        timeout: Duration = .seconds(60)
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try ChildProcess(executable, arguments, environment: environment, directory: directory)
        let status = await child.wait(timeout: timeout)
        return (status, child.stdout, child.stderr)
    }

    deinit { capture.remove() }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }
    /// What the child wrote to stdout so far.
    public var stdout: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    /// What the child wrote to stderr so far.
    public var stderr: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` (e.g. SIGKILL) to the child.
    public func kill(_ signal: Int32) { _ = Foundation.kill(process.processIdentifier, signal) }

    /// Waits for the exit status; after `timeout` the child is killed and -1 returned.
    public func wait(timeout: Duration = .seconds(60)) async -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(SIGKILL)
                process.waitUntilExit()
                return -1
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Waits until `text` appears in stderr or `timeout` passes; true when it appeared.
    public func waitForStderr(_ text: String, timeout: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stderr.contains(text) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
