import BossNet
import Foundation

extension DiscordREST {
    /// Runs the blocking libcurl transfer on a dedicated thread, off the cooperative pool.
    func perform(_ route: DiscordRoute, _ body: DiscordBody) async -> Result<
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

    /// Waits as long as the 429 says, then the caller retries. Logged: many 429s get an IP banned.
    func waitOut429(_ route: DiscordRoute, head: HTTPResponseHead, bytes: [UInt8], count: Int)
        async throws(DiscordRESTError)
    {
        struct TooManyRequests: Decodable {
            var retryAfter: Double?
            var global: Bool?
        }
        let body = try? DiscordJSON.decoder().decode(TooManyRequests.self, from: Data(bytes))
        let retryAfter = body?.retryAfter ?? head.headers["retry-after"].flatMap(Double.init) ?? 1
        let global = body?.global == true || head.headers["x-ratelimit-global"] == "true"
        logger.warning(
            "discord: 429 on \(route.bucketKey), retry after \(retryAfter) s",
            metadata: ["global": "\(global)"])
        guard count <= 20 else {
            throw .http(
                status: 429, code: nil, message: "still rate limited after 20 waits", route: route.bucketKey)
        }
        await limiter.limited(route.bucketKey, retryAfter: retryAfter, global: global)
    }

    static func httpError(_ status: Int, _ bytes: [UInt8], route: String) -> DiscordRESTError {
        struct ErrorBody: Decodable {
            var code: Int?
            var message: String?
        }
        let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(bytes))
        return .http(status: status, code: body?.code, message: body?.message ?? "no message", route: route)
    }
}
