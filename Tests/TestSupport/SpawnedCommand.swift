import Foundation

/// Runs a program to its end with posix_spawn and waitpid, with nothing of ours open in the child but
/// stdin (/dev/null), stdout and stderr (files). Foundation's Process cannot run a command that leaves
/// a daemon behind (pg_ctl start): on Linux it learns of the exit through a descriptor the child
/// inherits, which the daemon then holds open for life, so waitUntilExit never returns; and a parallel
/// test's Process would hang the same way if its descriptor leaked into the daemon.
enum SpawnedCommand {
    private typealias Actions = UnsafeMutablePointer<posix_spawn_file_actions_t>?
    private typealias CloseFrom = @convention(c) (Actions, Int32) -> Int32
    private typealias ChangeDirectory = @convention(c) (Actions, UnsafePointer<CChar>?) -> Int32

    /// Runs `argv` (`argv[0]` an absolute path) in `directory` with `environment`, stdout and stderr
    /// written to `outputPath` and `errorPath`; returns the exit status (128 + N when killed by signal N).
    static func run(
        _ argv: [String], environment: [String: String], directory: String, outputPath: String,
        errorPath: String
    ) throws -> Int32 {
        // glibc's closefrom and chdir file actions (2.34, 2.29) are not in Swift's Glibc module.
        let libc = dlopen(nil, RTLD_NOW)
        guard let closeFrom = dlsym(libc, "posix_spawn_file_actions_addclosefrom_np"),
            let changeDirectory = dlsym(libc, "posix_spawn_file_actions_addchdir_np")
        else {
            throw PostgresClusterError.setupFailed("this libc has no posix_spawn closefrom/chdir actions")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let create = O_WRONLY | O_CREAT | O_TRUNC
        let failed = [
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0),
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, create, 0o600),
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, create, 0o600),
            unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 3),
            unsafeBitCast(changeDirectory, to: ChangeDirectory.self)(&actions, directory),
        ].first { $0 != 0 }
        if let failed { throw PostgresClusterError.setupFailed("posix_spawn actions: \(describe(failed))") }
        let arguments = argv.map { strdup($0) } + [nil]
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in arguments + variables { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, arguments, variables)
        guard spawned == 0 else {
            throw PostgresClusterError.setupFailed("posix_spawn \(argv[0]): \(describe(spawned))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw PostgresClusterError.setupFailed("waitpid: \(describe(errno))")
            }
        }
        // WIFEXITED and WEXITSTATUS are macros Swift cannot see.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
