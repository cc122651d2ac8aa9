import Synchronization

/// Progress of a running job in bytes (`total` is 0 when unknown).
public struct JobProgress: Sendable, Equatable {
    /// Bytes done so far.
    public var done: UInt64
    /// Bytes expected in all; 0 when unknown.
    public var total: UInt64
    /// Creates a progress value.
    public init(done: UInt64 = 0, total: UInt64 = 0) {
        self.done = done
        self.total = total
    }
}
