/// Capped exponential backoff with jitter: attempt n waits between half and all of min(cap, base × 2ⁿ).
public struct ReconnectBackoff: Sendable {
    /// The first delay's upper bound.
    public var base: Duration = .seconds(1)
    /// The largest delay.
    public var cap: Duration = .seconds(60)
    /// Creates a backoff.
    public init(base: Duration = .seconds(1), cap: Duration = .seconds(60)) {
        self.base = base
        self.cap = cap
    }

    /// The delay before attempt `attempt` (0 = first retry, which waits only a little).
    public func delay(attempt: Int) -> Duration {
        let ceiling = min(cap, base * (1 << min(attempt, 20)))
        return ceiling * Double.random(in: 0.5...1)
    }
}
