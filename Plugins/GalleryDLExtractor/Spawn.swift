import Foundation

/// posix_spawn with what a killable child needs: default signal dispositions, an empty signal mask,
/// its own process group, stdin from /dev/null, stdout/stderr into files, and no other descriptor
/// of the host (an inherited lock file would stay locked for as long as gallery-dl runs).
enum Spawn {
    private typealias FileAction =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
    private typealias DirectoryAction =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32

    /// glibc's `_np` file actions (2.29 and 2.34+) are not in Swift's Glibc module: found at run time.
    private static func glibcAction<T>(_ name: String, as type: T.Type) -> T? {
        dlsym(nil, name).map { unsafeBitCast($0, to: type) }
    }

    struct Failure: Error {
        let reason: String
    }

    static func start(
        _ executable: String, _ arguments: [String], directory: String, stdout: String, stderr: String
    ) -> Result<pid_t, Failure> {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard let closeFrom = glibcAction("posix_spawn_file_actions_addclosefrom_np", as: FileAction.self)
        else {
            return .failure(Failure(reason: "glibc 2.34 or later is needed to start gallery-dl"))
        }
        _ = closeFrom(&actions, 3)
        if let chdir = glibcAction("posix_spawn_file_actions_addchdir_np", as: DirectoryAction.self) {
            _ = chdir(&actions, directory)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard code == 0 else { return .failure(Failure(reason: String(cString: strerror(code)))) }
        return .success(pid)
    }

    /// The exit code once the child is gone (128 + signal when a signal ended it), else nil.
    static func reap(_ pid: pid_t, blocking: Bool) -> Int32? {
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, blocking ? 0 : WNOHANG) } while result == -1 && errno == EINTR
        guard result == pid else { return result == -1 ? 128 : nil }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
