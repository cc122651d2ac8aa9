import Synchronization

/// Per-user token buckets: `capacity` downloads at once, refilled at `capacity` per `window`.
public final class UserRateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }
    private let buckets = Mutex<[String: Bucket]>([:])
    /// Downloads a user may start in a burst.
    public let capacity: Int
    /// The time in which a full bucket refills.
    public let window: Duration

    /// A limiter of `capacity` per `window`.
    public init(capacity: Int, window: Duration) {
        self.capacity = capacity
        self.window = window
    }

    /// Takes `count` tokens for `user`; returns nil when allowed, or how long until they would be.
    public func take(_ count: Int, for user: String, now: ContinuousClock.Instant = .now) -> Duration? {
        let perSecond = Double(capacity) / (window / .seconds(1) + 1e-9)
        return buckets.withLock { buckets in
            var bucket = buckets[user] ?? Bucket(tokens: Double(capacity), updated: now)
            let seconds = (now - bucket.updated) / .seconds(1)
            bucket.tokens = min(Double(capacity), bucket.tokens + seconds * perSecond)
            bucket.updated = now
            defer { buckets[user] = bucket }
            guard bucket.tokens >= Double(count) else {
                let missing = Double(count) - bucket.tokens
                return .milliseconds(Int((missing / perSecond * 1000).rounded(.up)))
            }
            bucket.tokens -= Double(count)
            return nil
        }
    }
}
