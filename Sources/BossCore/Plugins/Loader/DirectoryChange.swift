import Foundation
import Logging

/// What `DirectoryEvents.wait` saw.
enum DirectoryChange: Equatable {
    /// Files were renamed in or out, written and closed, deleted, or had their owner, mode or times
    /// changed (or the watch was just established, or the kernel dropped events), and no `.so` in the
    /// directory is being written: time to scan.
    case changed
    /// The deadline passed first.
    case quiet
    /// `WakeSignal.signal()` was raised.
    case woken
}
