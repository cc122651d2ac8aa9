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

    private var perSecond: Double { Double(capacity) / (window / .seconds(1) + 1e-9) }

    /// Takes `count` tokens for `user`; returns nil when allowed, or how long until they would be.
    public func take(_ count: Int, for user: String, now: ContinuousClock.Instant = .now) -> Duration? {
        withBucket(of: user, now: now) { bucket in
            guard bucket.tokens >= Double(count) else { return wait(for: Double(count) - bucket.tokens) }
            bucket.tokens -= Double(count)
            return nil
        }
    }

    /// Takes as many of `count` tokens as `user` has (whole ones, none beyond): returns how many, and
    /// when that is fewer than `count`, how long until the rest would be there.
    public func take(upTo count: Int, for user: String, now: ContinuousClock.Instant = .now)
        -> (granted: Int, wait: Duration?)
    {
        withBucket(of: user, now: now) { bucket in
            // The refill is floating point: a token all but complete (by 1e-6) counts as whole.
            let granted = min(count, Int((bucket.tokens + 1e-6).rounded(.down)))
            bucket.tokens -= Double(granted)
            guard granted < count else { return (granted, nil) }
            return (granted, wait(for: Double(count - granted) - bucket.tokens))
        }
    }

    private func wait(for missing: Double) -> Duration {
        .milliseconds(Int((missing / perSecond * 1000).rounded(.up)))
    }

    /// Runs `body` on `user`'s bucket, refilled up to `now`.
    private func withBucket<T: Sendable>(
        of user: String, now: ContinuousClock.Instant, _ body: (inout Bucket) -> T
    ) -> T {
        let rate = perSecond
        return buckets.withLock { buckets in
            var bucket = buckets[user] ?? Bucket(tokens: Double(capacity), updated: now)
            let seconds = (now - bucket.updated) / .seconds(1)
            bucket.tokens = min(Double(capacity), bucket.tokens + seconds * rate)
            bucket.updated = now
            defer { buckets[user] = bucket }
            return body(&bucket)
        }
    }
}
