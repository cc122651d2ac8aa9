import Synchronization

/// A one-way switch shared between a test and the code it drives (e.g. "the job was cancelled").
public final class Flag: Sendable {
    private let value = Atomic<Bool>(false)

    /// An unset flag.
    public init() {}

    /// Whether it was set.
    public var isSet: Bool { value.load(ordering: .acquiring) }

    /// Sets it for good.
    public func set() { value.store(true, ordering: .releasing) }
}
