import Foundation

/// How a gallery-dl run ended.
enum ChildOutcome: Equatable {
    /// It exited by itself (a signal's death is reported as 128 + signal), with its output.
    case exited(code: Int32, stdout: String, stderr: String)
    /// The job was cancelled; the child was killed.
    case cancelled
    /// The caller gave up on the run (e.g. the sink refused to take more); the child was killed.
    case abandoned
    /// It ran past the timeout; the child was killed.
    case timedOut
    /// The executable could not be started.
    case notStarted(reason: String)
}

/// One child process whose output goes to files in the job's work folder (a pipe could fill up and
/// block the child while we only poll), watched for cancellation and a deadline.
/// posix_spawn rather than Foundation's Process: Process hands the child the spawning thread's
/// signal mask, and job threads block every signal, so gallery-dl would never see SIGTERM.
struct ChildRun {
    let executable: String
    let arguments: [String]
    /// Its working directory, where its output files go too.
    let directory: String
    let timeout: Duration

    /// Runs the child to the end; `isCancelled` is polled every 50 ms (cancelled jobs stop well
    /// within a second; the poll costs nothing), and so is `onTick`, which returns false to give up.
    func wait(isCancelled: () -> Bool, onTick: () -> Bool = { true }) -> ChildOutcome {
        let outputPath = directory + "/gallery-dl.stdout"
        let errorPath = directory + "/gallery-dl.stderr"
        let pid: pid_t
        switch Spawn.start(executable, arguments, directory: directory, stdout: outputPath, stderr: errorPath)
        {
        case .success(let started): pid = started
        case .failure(let error): return .notStarted(reason: error.reason)
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status = Spawn.reap(pid, blocking: false) {
                return .exited(code: status, stdout: Self.read(outputPath), stderr: Self.read(errorPath))
            }
            if isCancelled() {
                Self.stop(pid)
                return .cancelled
            }
            if ContinuousClock.now >= deadline {
                Self.stop(pid)
                return .timedOut
            }
            if !onTick() {
                Self.stop(pid)
                return .abandoned
            }
            usleep(50_000)
        }
    }

    /// SIGTERM lets gallery-dl clean up; SIGKILL follows when it has not gone within a second. Both
    /// go to the child's process group, so a helper it started (ffmpeg) dies with it.
    private static func stop(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        let grace = ContinuousClock.now + .seconds(1)
        while ContinuousClock.now < grace {
            if Spawn.reap(pid, blocking: false) != nil { return }
            usleep(10_000)
        }
        kill(-pid, SIGKILL)
        _ = Spawn.reap(pid, blocking: true)
    }

    /// At most the last 64 KiB: enough for every URL of 20 files, or the error at the end of stderr.
    private static func read(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data.suffix(65_536), as: UTF8.self)
    }
}
