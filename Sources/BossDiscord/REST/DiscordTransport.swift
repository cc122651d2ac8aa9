import BossMetrics
import BossNet
import Foundation
import Logging

/// One Discord API request over libcurl, without retries: the base URL, the `Authorization` header
/// (the token: never logged), the request's body, and its latency and status recorded under the
/// route's metric name.
final class DiscordTransport: Sendable {
    private let baseURL: String
    private let authorization: String
    private let http: HTTPClient

    /// A transport to `baseURL` (trailing slashes dropped); the operator configured it, so the SSRF
    /// guard trusts it.
    init(baseURL: String, token: String, userAgent: String, logger: Logger) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        authorization = "Bot \(token)"
        var policy = NetworkPolicy(userAgent: userAgent)
        policy.trustedOrigins = Set([HTTPOrigin(url: base)].compactMap { $0 })
        policy.totalTimeout = .seconds(30)
        http = HTTPClient(policy: policy, logger: logger, reusesConnections: true)
    }

    /// Runs one attempt of `route`, measured.
    func perform(_ route: DiscordRoute, _ body: DiscordBody) async -> Result<
        (HTTPResponseHead, [UInt8]), HTTPError
    > {
        let started = ContinuousClock.now
        let outcome = await transfer(route, body)
        let status = (try? outcome.get().0.status) ?? 0
        BossMetrics.discordRequest(route: route.metricName, since: started, status: status)
        return outcome
    }

    /// `error` as text for logs and errors: the URL may hold an interaction token, so the route's key
    /// stands in for it.
    func describe(_ error: HTTPError, route: DiscordRoute) -> String {
        "\(error)".replacingOccurrences(of: baseURL + route.path, with: route.bucketKey)
    }

    /// Runs the blocking libcurl transfer on a dedicated thread, off the cooperative pool.
    private func transfer(_ route: DiscordRoute, _ body: DiscordBody) async -> Result<
        (HTTPResponseHead, [UInt8]), HTTPError
    > {
        var request = HTTPRequest(
            url: baseURL + route.path, method: route.method,
            headers: [("Authorization", authorization), ("Accept", "application/json")])
        switch body {
        case .none:
            break
        case .json(let bytes):
            request.headers.append(("Content-Type", "application/json"))
            request.body = bytes
        case .multipart(let payload, let files):
            request.multipart =
                [
                    MultipartPart(
                        name: "payload_json", content: .bytes(payload), contentType: "application/json")
                ]
                + files.enumerated().map { index, file in
                    MultipartPart(
                        name: "files[\(index)]", content: .file(path: file.path), filename: file.name)
                }
            request.timeout = .seconds(300)  // up to 25 MiB on a slow uplink
        }
        let client = http
        let prepared = request
        return await DedicatedThread.run(name: "discord-rest") {
            var collected: [UInt8] = []
            do {
                let head = try client.perform(prepared) { collected.append(contentsOf: $0) }
                return .success((head, collected))
            } catch let error as HTTPError {
                return .failure(error)
            } catch {
                return .failure(.transport(code: -1, message: "\(error)"))
            }
        }
    }
}
