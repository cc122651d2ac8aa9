import BossNet
import Foundation
import Logging

/// Discord's REST API over libcurl: `Authorization: Bot …`, the required User-Agent, JSON via `Codable`,
/// rate limits waited out (a 429 is retried after `retry_after`, never dropped), 5xx and transport
/// failures retried with backoff, multipart uploads streamed from disk.
public final class DiscordREST: Sendable {
    /// `User-Agent: DiscordBot (url, version)`, as Discord requires.
    public static let userAgent = "DiscordBot (https://github.com/boss-bot/boss-bot, 0.1.0)"
    private let transport: DiscordTransport
    private let limiter: DiscordRateLimiter
    private let logger: Logger
    /// Retries of a 5xx or a transport failure.
    private let maxRetries: Int
    private let retryBase: Duration

    /// A client for `baseURL` (e.g. `https://discord.com/api/v10`); the operator configured it, so the
    /// SSRF guard trusts it. A rate limit holds requests back for at most `maxRateLimitWait` at a time.
    public init(
        baseURL: String, token: String, logger: Logger, maxRetries: Int = 3,
        retryBase: Duration = .milliseconds(500), maxRateLimitWait: Duration = .seconds(600)
    ) {
        limiter = DiscordRateLimiter(maxWait: maxRateLimitWait)
        transport = DiscordTransport(
            baseURL: baseURL, token: token, userAgent: Self.userAgent, logger: logger)
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
            switch await transport.perform(route, body) {
            case .failure(let error):
                failures += 1
                let reason = transport.describe(error, route: route)
                guard failures <= maxRetries else { throw .transport(reason, route: route.bucketKey) }
                logger.warning("discord: \(route.bucketKey) failed (\(reason)); retrying")
            case .success(let (head, bytes)):
                await limiter.update(route.bucketKey, headers: head.headers)
                if (200..<300).contains(head.status) { return bytes }
                if head.status == 429 {
                    rateLimited += 1
                    try await waitOut429(
                        route, DiscordRateLimitAnswer(head: head, bytes: bytes), count: rateLimited)
                    continue
                }
                let error = DiscordRESTError(status: head.status, body: bytes, route: route.bucketKey)
                failures += 1
                guard head.status >= 500, failures <= maxRetries else { throw error }
                logger.warning("discord: \(error); retrying")
            }
            try? await Task.sleep(for: retryBase * (1 << min(failures - 1, 6)))
        }
    }

    /// Waits as long as the 429 says, then the caller retries. Logged: many 429s get an IP banned.
    private func waitOut429(_ route: DiscordRoute, _ answer: DiscordRateLimitAnswer, count: Int)
        async throws(DiscordRESTError)
    {
        logger.warning(
            "discord: 429 on \(route.bucketKey), retry after \(answer.retryAfter) s",
            metadata: ["global": "\(answer.global)"])
        guard count <= 20 else {
            throw .http(
                status: 429, code: nil, message: "still rate limited after 20 waits", route: route.bucketKey)
        }
        await limiter.limited(route.bucketKey, retryAfter: answer.retryAfter, global: answer.global)
    }

    /// `value` as Discord JSON (snake_case keys).
    public static func encode(_ value: some Encodable) -> [UInt8] {
        Array((try? DiscordJSON.encoder().encode(value)) ?? Data("{}".utf8))
    }
}
