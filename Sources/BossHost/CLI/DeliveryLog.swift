import BossCore
import Foundation
import Logging
import Synchronization

/// The files each job delivered in this run, for the summary.
final class DeliveryLog: Sendable {
    /// What one job delivered, and how long its download (extraction into the sink) took.
    struct Entry: Sendable {
        var files: [StoredFile]
        var downloadTime: Duration
    }
    private let entries = Mutex<[JobID: Entry]>([:])

    func record(_ id: JobID, _ files: [StoredFile], downloadTime: Duration) {
        entries.withLock { $0[id] = Entry(files: files, downloadTime: downloadTime) }
    }
    var all: [JobID: Entry] { entries.withLock { $0 } }
}
