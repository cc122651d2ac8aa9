import Foundation

/// The `.so` files of a watched directory that were created or written and not closed since, each with
/// the time of its last event: files a scan would see half-written.
struct OpenWrites {
    private var lastActivity: [String: ContinuousClock.Instant] = [:]

    /// No `.so` is being written.
    var isEmpty: Bool { lastActivity.isEmpty }
    /// The last activity of the file silent the longest.
    var oldest: ContinuousClock.Instant? { lastActivity.values.min() }

    /// Records one inotify event for `name` (empty: the directory itself); true when the event calls for
    /// a scan: anything but a file appearing or being written, which its close (or rename) follows.
    mutating func note(name: String, mask: UInt32) -> Bool {
        let tracked = name.hasSuffix(".so") && mask & UInt32(IN_ISDIR) == 0
        if mask & UInt32(IN_CREATE | IN_MODIFY) != 0 {
            if tracked { lastActivity[name] = .now }
            return false
        }
        if tracked { lastActivity[name] = nil }
        return true
    }

    /// Forgets files silent since before `instant` (a writer that holds a file open without writing, or a
    /// file linked in, which no close follows); true when it forgot one, which then calls for a scan.
    mutating func expire(olderThan instant: ContinuousClock.Instant) -> Bool {
        let count = lastActivity.count
        lastActivity = lastActivity.filter { $0.value >= instant }
        return lastActivity.count < count
    }
}
