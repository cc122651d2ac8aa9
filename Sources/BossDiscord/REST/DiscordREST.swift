import BossNet
import Foundation
import Logging

/// Discord's REST API over libcurl: `Authorization: Bot …`, the required User-Agent, JSON via `Codable`,
/// rate limits waited out (a 429 is retried after `retry_after`, never dropped), 5xx and transport
/// failures retried with backoff, multipart uploads streamed from disk.
public final class DiscordREST: Sendable {
    /// `User-Agent: DiscordBot (url, version)`, as Discord requires.
    public static let userAgent = "DiscordBot (https://github.com/boss-bot/boss-bot, 0.1.0)"
    let baseURL: String
    let authorization: String
    let http: HTTPClient
    let limiter: DiscordRateLimiter
    let logger: Logger
    /// Retries of a 5xx or a transport failure.
    let maxRetries: Int
    let retryBase: Duration

    /// A client for `baseURL` (e.g. `https://discord.com/api/v10`); the operator configured it, so the
    /// SSRF guard trusts it. A rate limit holds requests back for at most `maxRateLimitWait` at a time.
    public init(
        baseURL: String, token: String, logger: Logger, maxRetries: Int = 3,
        retryBase: Duration = .milliseconds(500), maxRateLimitWait: Duration = .seconds(600)
    ) {
        limiter = DiscordRateLimiter(maxWait: maxRateLimitWait)
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        authorization = "Bot \(token)"
        var policy = NetworkPolicy(userAgent: Self.userAgent)
        policy.trustedOrigins = Set([HTTPOrigin(url: base)].compactMap { $0 })
        policy.totalTimeout = .seconds(30)
        http = HTTPClient(policy: policy, logger: logger, reusesConnections: true)
        self.logger = logger
        self.maxRetries = maxRetries
        self.retryBase = retryBase
    }

    /// Calls `route` and decodes the answer.
    public func call<Response: Decodable>(
        _ route: DiscordRoute, _ body: DiscordBody = .none, as: Response.Type
    )
        async throws(DiscordRESTError) -> Response
    {
        let bytes = try await call(route, body)
        do {
            return try DiscordJSON.decoder().decode(Response.self, from: Data(bytes))
        } catch {
            throw .decoding("\(error)", route: route.bucketKey)
        }
    }

    /// Calls `route` with a JSON body.
    public func call<Response: Decodable>(_ route: DiscordRoute, json: some Encodable, as: Response.Type)
        async throws(DiscordRESTError) -> Response
    {
        try await call(route, .json(Self.encode(json)), as: Response.self)
    }

    /// Calls `route` and returns the raw answer body.
    @discardableResult
    public func call(_ route: DiscordRoute, _ body: DiscordBody = .none) async throws(DiscordRESTError)
        -> [UInt8]
    {
        var failures = 0
        var rateLimited = 0
        while true {
            await limiter.acquire(route.bucketKey)
            let outcome = await measured(route) { await perform(route, body) }
            switch outcome {
            case .failure(let error):
                failures += 1
                // The URL may hold an interaction token: errors name the route's key instead.
                let reason = "\(error)".replacingOccurrences(of: baseURL + route.path, with: route.bucketKey)
                guard failures <= maxRetries else { throw .transport(reason, route: route.bucketKey) }
                logger.warning("discord: \(route.bucketKey) failed (\(reason)); retrying")
            case .success(let (head, bytes)):
                await limiter.update(route.bucketKey, headers: head.headers)
                if (200..<300).contains(head.status) { return bytes }
                if head.status == 429 {
                    rateLimited += 1
                    try await waitOut429(route, head: head, bytes: bytes, count: rateLimited)
                    continue
                }
                let error = Self.httpError(head.status, bytes, route: route.bucketKey)
                failures += 1
                guard head.status >= 500, failures <= maxRetries else { throw error }
                logger.warning("discord: \(error); retrying")
            }
            try? await Task.sleep(for: retryBase * (1 << min(failures - 1, 6)))
        }
    }

    /// `value` as Discord JSON (snake_case keys).
    public static func encode(_ value: some Encodable) -> [UInt8] {
        Array((try? DiscordJSON.encoder().encode(value)) ?? Data("{}".utf8))
    }
}
