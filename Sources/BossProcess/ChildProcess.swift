import CSpawn
import Glibc
import Synchronization

/// One running child in a process group of its own. Stopping it signals the whole group, so helpers
/// it started (ffmpeg under gallery-dl) go with it; it is always reaped, never left a zombie.
public final class ChildProcess: Sendable {
    /// The child's pid, which is also its process group's id.
    public let pid: pid_t
    private let termination = Mutex<ChildTermination?>(nil)

    /// Starts `command`; throws when the executable is missing or cannot be executed.
    public init(_ command: ChildCommand) throws(ChildError) {
        guard let path = command.resolvedExecutable() else { throw .notFound(executable: command.executable) }
        let argv = ([path] + command.arguments).map { strdup($0) } + [nil]
        let envp =
            command.environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var started: pid_t = 0
        let code = argv.withUnsafeBufferPointer { argv in
            envp.withUnsafeBufferPointer { envp in
                path.withCString { cPath in
                    withOptionalCString(command.workingDirectory) { directory in
                        withOptionalCString(command.standardOutput) { output in
                            withOptionalCString(command.standardError) { error in
                                var options = boss_spawn_options(
                                    path: cPath, argv: argv.baseAddress, envp: envp.baseAddress,
                                    directory: directory, stdout_path: output, stderr_path: error,
                                    file_size_limit: command.fileSizeLimit ?? 0)
                                return boss_spawn(&options, &started)
                            }
                        }
                    }
                }
            }
        }
        guard code == 0 else {
            throw .startFailed(executable: command.executable, reason: String(cString: strerror(code)))
        }
        pid = started
    }

    deinit { _ = stop(grace: .zero) }

    /// How it ended, once it has; never blocks.
    public func poll() -> ChildTermination? { reap(blocking: false) }

    /// Blocks until it ends or `timeout` passes, without reaping it (then `poll` tells how it ended).
    public func waitForEnd(upTo timeout: Duration) {
        _ = boss_wait_end(pid, Int32(min(max(1, timeout / .milliseconds(1)), Double(Int32.max))))
    }

    /// Waits until it ends by itself.
    public func wait() -> ChildTermination {
        reap(blocking: true) ?? .signalled(SIGKILL)
    }

    /// SIGTERM to the group, SIGKILL to what is left after `grace`; returns once the child is reaped.
    @discardableResult
    public func stop(grace: Duration = .seconds(1)) -> ChildTermination {
        if let ended = poll() {
            kill(-pid, SIGKILL)  // helpers the child left behind in its group
            return ended
        }
        kill(-pid, SIGTERM)
        if grace > .zero { waitForEnd(upTo: grace) }
        if let ended = poll() {
            kill(-pid, SIGKILL)
            return ended
        }
        kill(-pid, SIGKILL)
        return wait()
    }

    private func reap(blocking: Bool) -> ChildTermination? {
        termination.withLock { known in
            if let known { return known }
            var status: Int32 = 0
            var result: pid_t
            repeat {
                result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            } while result == -1 && errno == EINTR
            guard result == pid else { return result == -1 ? .signalled(SIGKILL) : nil }
            let signal = status & 0x7F
            known = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
            return known
        }
    }
}

private func withOptionalCString<T>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
