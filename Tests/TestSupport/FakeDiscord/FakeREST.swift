import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A message the fake REST API holds.
public struct FakeMessage: Sendable {
    /// Its ID.
    public var id: String
    /// Its channel (or "webhook:TOKEN" for interaction replies).
    public var channelID: String
    /// Its current text.
    public var content: String
    /// Every text it had, oldest first (edits append).
    public var history: [String]
    /// Attached files: name and bytes.
    public var attachments: [(name: String, bytes: [UInt8])]
    /// The message it replies to.
    public var replyTo: String?
    /// The JSON payload it was created with (or last edited with).
    public var payloadJSON: String
    /// When the create request arrived.
    public var createdAt: ContinuousClock.Instant = .now

    /// `payloadJSON` parsed.
    public var payload: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(payloadJSON.utf8))) as? [String: Any] ?? [:]
    }
}

/// A request the fake REST API received.
public struct FakeRequest: Sendable {
    /// HTTP method.
    public var method: String
    /// Path without `/api/v10`.
    public var path: String
    /// Header fields, lower-cased names.
    public var headers: [String: String]
    /// When it arrived.
    public var at: ContinuousClock.Instant
}

/// The fake REST API: messages, edits, interaction callbacks, command registration, and scripted
/// rate limits (route and global 429s) and upload limits.
public final class FakeREST: Sendable {
    struct State {
        var messages: [FakeMessage] = []
        var requests: [FakeRequest] = []
        var scripted: [(pathContains: String, answer: ScriptedAnswer)] = []
        var registeredCommands: [String] = []
        var nextID = 1000
        /// Guild → member → roles: the servers the bot shares and who is in them.
        var members: [String: [String: [String]]] = [:]
    }
    let state = Mutex(State())
    let applicationID: String
    let botUserID: String
    let gatewayURL = Mutex("")
    /// `GET /gateway/bot`'s recommended shard count.
    public let recommendedShards = Atomic<Int>(1)
    /// `GET /gateway/bot`'s `session_start_limit.max_concurrency`.
    public let maxConcurrency = Atomic<Int>(1)
    /// Largest attachment accepted, in bytes (Discord's default is 10 MiB); larger gives 413/40005.
    public let uploadLimit = Atomic<Int>(10 * 1_048_576)

    init(applicationID: String, botUserID: String) {
        self.applicationID = applicationID
        self.botUserID = botUserID
    }

    /// Messages created so far, oldest first.
    public var messages: [FakeMessage] { state.withLock { $0.messages } }
    /// Requests received so far, oldest first.
    public var requests: [FakeRequest] { state.withLock { $0.requests } }
    /// The command list the bot registered last.
    public var registeredCommandNames: [String] {
        state.withLock { $0.registeredCommands }
    }
    /// A scripted answer for the next request on a matching path.
    public enum ScriptedAnswer: Sendable {
        /// 429 with `retry_after`, route or global.
        case rateLimited(retryAfter: Double, global: Bool)
        /// 429 whose only wait is a raw `Retry-After` header (e.g. "nan", "inf", "-3"), no body field.
        case rateLimitedByHeader(retryAfter: String)
        /// This status, before doing anything.
        case status(Int)
        /// Do the work (e.g. create the message), then answer 500 as if the answer got lost.
        case failAfterWork
    }

    /// Answers the next request whose path contains `pathContains` with a 429.
    public func rateLimitNext(pathContains: String, retryAfter: Double, global: Bool = false) {
        script(pathContains: pathContains, .rateLimited(retryAfter: retryAfter, global: global))
    }
    /// Answers the next request whose path contains `pathContains` with `answer`.
    public func script(pathContains: String, _ answer: ScriptedAnswer) {
        state.withLock { $0.scripted.append((pathContains, answer)) }
    }
    /// Takes the scripted `failAfterWork` for `path`, if one is next.
    func takeFailAfterWork(_ path: String) -> Bool {
        state.withLock { state in
            guard let index = state.scripted.firstIndex(where: { path.contains($0.pathContains) }),
                case .failAfterWork = state.scripted[index].answer
            else { return false }
            state.scripted.remove(at: index)
            return true
        }
    }

    func nextID() -> String {
        state.withLock { state in
            state.nextID += 1
            return String(state.nextID)
        }
    }

    /// Records the request and answers a scripted failure when one matches.
    func admit(_ request: Request, path: String) -> Response? {
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let answer = state.withLock { state -> ScriptedAnswer? in
            state.requests.append(
                FakeRequest(method: "\(request.method)", path: path, headers: headers, at: .now))
            guard let index = state.scripted.firstIndex(where: { path.contains($0.pathContains) }) else {
                return nil
            }
            if case .failAfterWork = state.scripted[index].answer { return nil }
            return state.scripted.remove(at: index).answer
        }
        switch answer {
        case nil, .failAfterWork: return nil
        case .status(let code):
            return Self.json(["code": 0, "message": "scripted failure"], status: .init(code: code))
        case .rateLimited(let retryAfter, let global): return Self.tooManyRequests(retryAfter, global: global)
        case .rateLimitedByHeader(let retryAfter):
            var fields: HTTPFields = [.contentType: "application/json"]
            fields[HTTPField.Name("Retry-After")!] = retryAfter
            return Response(
                status: .tooManyRequests, headers: fields,
                body: ResponseBody(
                    byteBuffer: ByteBuffer(string: #"{"message":"You are being rate limited."}"#)))
        }
    }

    static func tooManyRequests(_ retryAfter: Double, global: Bool) -> Response {
        var fields: HTTPFields = [.contentType: "application/json"]
        fields[HTTPField.Name("X-RateLimit-Scope")!] = global ? "global" : "user"
        if global { fields[HTTPField.Name("X-RateLimit-Global")!] = "true" }
        let body =
            #"{"message":"You are being rate limited.","retry_after":\#(retryAfter),"global":\#(global)}"#
        return Response(
            status: .tooManyRequests, headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
        return json(text: String(decoding: data, as: UTF8.self), status: status)
    }

    static func json(text: String, status: HTTPResponse.Status = .ok) -> Response {
        var fields: HTTPFields = [.contentType: "application/json"]
        fields[HTTPField.Name("X-RateLimit-Bucket")!] = "fake-bucket"
        fields[HTTPField.Name("X-RateLimit-Limit")!] = "50"
        fields[HTTPField.Name("X-RateLimit-Remaining")!] = "49"
        fields[HTTPField.Name("X-RateLimit-Reset-After")!] = "1.0"
        return Response(
            status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The application object of `GET /oauth2/applications/@me`, with the fields discord.py requires.
    static func application(id: String, ownerID: String) -> String {
        #"{"id":"\#(id)","name":"Boss","description":"","icon":null,"bot_public":true,"#
            + #""bot_require_code_grant":false,"verify_key":"","owner":\#(botUser(id: ownerID))}"#
    }

    /// The bot's user object as Discord sends it (in READY and `GET /users/@me`), with the fields
    /// discord.py requires.
    static func botUser(id: String) -> String {
        #"{"id":"\#(id)","username":"boss","discriminator":"0","avatar":null,"bot":true}"#
    }
}
