import Foundation

/// A socket pair that another thread writes to, to end a `poll` at once (`PluginDirectoryWatcher.stop()`).
/// Once raised it stays raised: every later poll on it returns at once.
final class WakeSignal: Sendable {
    /// The end to poll, or -1 if no socket pair could be made (`poll` ignores a negative descriptor, so a waiter
    /// then notices only at its next deadline).
    let descriptor: Int32
    private let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        // A socket pair, not a pipe: Glibc's module has no pipe2, and the flags must be set atomically.
        let type = Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue)
        if socketpair(AF_UNIX, type, 0, &ends) != 0 { ends = [-1, -1] }
        descriptor = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        for end in [descriptor, writeEnd] where end >= 0 { close(end) }
    }

    /// Raises the signal.
    func signal() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }
}
