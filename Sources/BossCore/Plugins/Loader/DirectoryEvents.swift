import Foundation
import Logging

/// The inotify watch on one directory, reduced to "scan now". Made by the thread that starts the watcher
/// (so the watch exists when `start()` returns) and from then on used by the watcher's thread alone. A `.so` that was created
/// or written and not yet closed holds back `.changed` until it is closed, removed, or silent for
/// `writerTimeout`, so that no scan sees it half-written twice in a row. While the directory cannot be
/// watched (it does not exist yet, it was removed, inotify is unavailable) every `wait` tries again.
final class DirectoryEvents: @unchecked Sendable {  // one thread at a time: handed over once, at start
    static let writerTimeout = Duration.seconds(5)
    private static let mask =
        UInt32(IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_CREATE | IN_MODIFY)
        | UInt32(IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    private let directory: String
    private let wake: WakeSignal
    private let logger: Logger
    private let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
    private var watch: Int32 = -1
    private var writes = OpenWrites()
    private var unscanned = false
    private var warned = false

    init(directory: String, wake: WakeSignal, logger: Logger) {
        self.directory = directory
        self.wake = wake
        self.logger = logger
        _ = establish()
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Whether inotify reports this directory's changes.
    var isWatching: Bool { watch >= 0 }
    /// Whether a `.so` in the directory is being written.
    var isBeingWritten: Bool { !writes.isEmpty }

    /// Waits until the directory changed (and nothing in it is being written), `deadline` passes or the
    /// wake signal is raised.
    func wait(until deadline: ContinuousClock.Instant) -> DirectoryChange {
        while true {
            if !isWatching && establish() { return .changed }
            if writes.expire(olderThan: .now - Self.writerTimeout) { unscanned = true }
            if unscanned && writes.isEmpty {
                unscanned = false
                return .changed
            }
            guard ContinuousClock.now < deadline else { return .quiet }
            let until = min(deadline, writes.oldest.map { $0 + Self.writerTimeout } ?? deadline)
            let milliseconds = Int32(clamping: Int(((until - .now) / .milliseconds(1)).rounded(.up)))
            var fds = [
                pollfd(fd: isWatching ? descriptor : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&fds, 2, max(0, milliseconds)) > 0 else { continue }
            if fds[1].revents != 0 { return .woken }
            if fds[0].revents != 0 { drain() }
        }
    }

    private func establish() -> Bool {
        guard descriptor >= 0 else { return warnOnce("inotify_init1: \(String(cString: strerror(errno)))") }
        watch = inotify_add_watch(descriptor, directory, Self.mask)
        guard watch >= 0 else { return warnOnce("\(directory): \(String(cString: strerror(errno)))") }
        if warned { logger.info("plugins directory \(directory) is watched again") }
        warned = false
        return true
    }

    private func warnOnce(_ reason: String) -> Bool {
        if !warned {
            logger.warning("plugins directory not watched (\(reason)); rescanning it every second instead")
            warned = true
        }
        return false
    }

    /// Reads every queued event into `writes` and `unscanned`; a lost watch is dropped (`wait` renews it).
    private func drain() {
        let size = 64 * (MemoryLayout<inotify_event>.size + Int(NAME_MAX) + 1)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while case let count = read(descriptor, buffer, size), count > 0 {
            var offset = 0
            while offset < count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let namePointer = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                let name =
                    event.len > 0 ? String(cString: namePointer.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) != 0 { watch = -1 }
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { writes = OpenWrites() }
                if writes.note(name: name, mask: event.mask) { unscanned = true }
            }
        }
    }
}
