import Foundation
import Logging
import Synchronization

/// Set once by the extraction task; polled by the check (the task may never end if the plugin hangs).
final class CompletionFlag: Sendable {
    private let state = Mutex(false)
    func set() { state.withLock { $0 = true } }
    var isSet: Bool { state.withLock { $0 } }
}
