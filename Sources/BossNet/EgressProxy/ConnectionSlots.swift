import Foundation
import Logging
import Synchronization

/// A count of connections in service, up to a limit.
final class ConnectionSlots: Sendable {
    private let limit: Int
    private let inUse = Atomic<Int>(0)

    init(limit: Int) { self.limit = limit }

    /// Takes a slot; false when all are in use.
    func take() -> Bool {
        if inUse.add(1, ordering: .acquiringAndReleasing).newValue <= limit { return true }
        inUse.subtract(1, ordering: .acquiringAndReleasing)
        return false
    }

    func give() { inUse.subtract(1, ordering: .acquiringAndReleasing) }
}
