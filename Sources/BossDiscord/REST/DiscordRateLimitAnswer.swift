import BossNet
import Foundation

/// What a 429 says: how long to wait, and whether the limit is global (from the JSON body, else the
/// `Retry-After` and `X-RateLimit-Global` headers; 1 s when neither says).
struct DiscordRateLimitAnswer {
    /// Seconds to wait before the next try.
    let retryAfter: Double
    /// Every route waits, not only this one.
    let global: Bool

    private struct Body: Decodable {
        var retryAfter: Double?
        var global: Bool?
    }

    /// Reads a 429's head and body.
    init(head: HTTPResponseHead, bytes: [UInt8]) {
        let body = try? DiscordJSON.decoder().decode(Body.self, from: Data(bytes))
        retryAfter = body?.retryAfter ?? head.headers["retry-after"].flatMap(Double.init) ?? 1
        global = body?.global == true || head.headers["x-ratelimit-global"] == "true"
    }
}
