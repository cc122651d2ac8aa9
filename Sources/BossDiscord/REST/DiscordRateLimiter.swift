import BossNet
import Foundation

/// Discord's REST rate limits, learned from response headers: per-bucket (`X-RateLimit-Bucket`,
/// `-Remaining`, `-Reset-After`), the global limit (50 requests/s, and a global 429), and 429s on a
/// route. Callers `acquire` before each request and wait here instead of being refused.
actor DiscordRateLimiter {
    private struct Bucket {
        var remaining: Int
        var resetAt: ContinuousClock.Instant
    }
    private var bucketOfRoute: [String: String] = [:]
    private var buckets: [String: Bucket] = [:]
    private var globalUntil: ContinuousClock.Instant?
    private var recent: [ContinuousClock.Instant] = []
    private let globalPerSecond: Int
    /// The longest wait one answer can impose, whatever it says.
    private let maxWait: Duration

    init(globalPerSecond: Int = 50, maxWait: Duration = .seconds(600)) {
        self.globalPerSecond = globalPerSecond
        self.maxWait = maxWait
    }

    /// Waits until a request on `route` may go, and counts it.
    func acquire(_ route: String) async {
        while true {
            let now = ContinuousClock.now
            if let until = globalUntil, until > now {
                try? await Task.sleep(until: until)
                continue
            }
            let hash = bucketOfRoute[route] ?? route
            if var bucket = buckets[hash] {
                if bucket.remaining <= 0 && bucket.resetAt > now {
                    try? await Task.sleep(until: bucket.resetAt)
                    continue
                }
                // After a reset the next answer tells the new remaining count; until then one may go.
                bucket.remaining = bucket.resetAt <= now ? 0 : bucket.remaining - 1
                if bucket.resetAt <= now { bucket.resetAt = now + .seconds(1) }
                buckets[hash] = bucket
            }
            recent.removeAll { now - $0 >= .seconds(1) }
            if recent.count >= globalPerSecond, let oldest = recent.first {
                try? await Task.sleep(until: oldest + .seconds(1))
                continue
            }
            recent.append(now)
            return
        }
    }

    /// Learns the route's bucket from a response.
    func update(_ route: String, headers: HTTPHeaders) {
        guard let remaining = headers["x-ratelimit-remaining"].flatMap({ Int($0) }),
            let resetAfter = headers["x-ratelimit-reset-after"].flatMap({ Double($0) })
        else { return }
        let hash = headers["x-ratelimit-bucket"] ?? route
        bucketOfRoute[route] = hash
        buckets[hash] = Bucket(remaining: remaining, resetAt: .now + wait(seconds: resetAfter))
    }

    /// A 429: nothing more on this route (or anywhere, when `global`) for `retryAfter` seconds.
    func limited(_ route: String, retryAfter: Double, global: Bool) {
        let until = ContinuousClock.now + wait(seconds: retryAfter)
        if global {
            globalUntil = max(globalUntil ?? until, until)
        } else {
            buckets[bucketOfRoute[route] ?? route] = Bucket(remaining: 0, resetAt: until)
        }
    }

    /// `seconds` from a header or body as a wait: converted unchecked, a huge or infinite value would
    /// trap, and Discord (or anything posing as it) could hold every request back for ever. NaN counts
    /// as a missing value (1 s), negatives as none, and nothing waits longer than `maxWait`.
    private func wait(seconds: Double) -> Duration {
        if seconds.isNaN { return min(.seconds(1), maxWait) }
        guard seconds > 0 else { return .zero }
        return seconds >= maxWait / .seconds(1) ? maxWait : .seconds(seconds)
    }
}
