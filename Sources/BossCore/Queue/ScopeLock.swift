import Foundation

/// An exclusive `flock` on a file: one process per queue scope and database. Released on `release()`
/// or when the process dies (the kernel drops it), so a crash never leaves a stale lock.
final class ScopeLock: Sendable {
    private let descriptor: Int32

    init(path: String, scope: String) throws(QueueError) {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .database("cannot open lock file \(path): errno \(errno)") }
        // A child process forked this instant (by any thread) shares the lock until it execs: a lock
        // released just now may take a moment to be free, so "busy" is the answer only after 500 ms.
        let deadline = ContinuousClock.now + .milliseconds(500)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard ContinuousClock.now < deadline else {
                close(descriptor)
                throw .scopeBusy(scope: scope, lockPath: path)
            }
            usleep(10_000)
        }
    }

    func release() { close(descriptor) }
}
