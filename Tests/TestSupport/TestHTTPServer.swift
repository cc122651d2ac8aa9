import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// What the test server answers on a path.
public enum TestRoute: Sendable {
    /// 200 with these bytes.
    case bytes([UInt8], contentType: String = "application/octet-stream")
    /// 200 with `size` bytes starting with `prefix`, generated while streaming (never held whole).
    case generated(size: Int, prefix: [UInt8], contentType: String = "application/octet-stream")
    /// 200 with a file's content, streamed.
    case file(path: String)
    /// A redirect to `to`.
    case redirect(to: String, status: Int = 302)
    /// Any status with a small text body.
    case status(Int, body: String = "")
    /// 200 with `bytes`, sent `chunkSize` at a time with `delay` between chunks.
    case slow(bytes: [UInt8], chunkSize: Int, delay: Duration)
    /// 200 with a JSON document.
    case json(String)
    /// Like `generated`, but chunked: no Content-Length, so the size shows only while streaming.
    case unsized(size: Int, prefix: [UInt8])
}

/// What the server was asked, and what it answers; shared by the request handler and the tests.
final class TestServerState: Sendable {
    let routes: Mutex<[String: TestRoute]>
    let requests = Mutex<[String: (count: Int, headers: [String: String])]>([:])

    init(_ routes: [String: TestRoute]) { self.routes = Mutex(routes) }

    /// A route keyed "path?query" wins over one keyed by the path alone; requests are counted under
    /// both keys, so tests can check the exact query a plugin sent.
    func respond(_ request: Request) -> Response {
        let path = request.uri.path
        let full = request.uri.query.map { path + "?" + $0 }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        requests.withLock { requests in
            for key in [path, full].compactMap({ $0 }) {
                requests[key] = ((requests[key]?.count ?? 0) + 1, headers)
            }
        }
        let route = routes.withLock { routes in full.flatMap { routes[$0] } ?? routes[path] }
        return TestResponses.response(for: route, method: request.method)
    }
}

/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port), in-process, for tests: media, redirects,
/// errors and slow bodies, with a record of the requests it got.
public final class TestHTTPServer: Sendable {
    let state: TestServerState
    /// The bound port.
    public let port: Int
    private let task: Task<Void, any Error>

    private init(state: TestServerState, port: Int, task: Task<Void, any Error>) {
        self.state = state
        self.port = port
        self.task = task
    }

    /// Starts a server with `routes` (keys are paths such as "/media/cat.png", or a path with its
    /// exact query, "/api?id=1").
    public static func start(_ routes: [String: TestRoute]) async throws -> TestHTTPServer {
        let state = TestServerState(routes)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let router = Router()
        router.get("**") { request, _ in state.respond(request) }
        router.head("**") { request, _ in state.respond(request) }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "test-http-server", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CancellationError()
        }
        return TestHTTPServer(state: state, port: port, task: task)
    }

    /// `http://127.0.0.1:PORT/path`.
    public func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)" + (path.hasPrefix("/") ? path : "/" + path)
    }
    /// Changes or adds a route.
    public func setRoute(_ path: String, _ route: TestRoute) { state.routes.withLock { $0[path] = route } }
    /// How many requests reached `path`.
    public func hits(_ path: String) -> Int { state.requests.withLock { $0[path]?.count ?? 0 } }
    /// The headers of the last request to `path` (lower-cased names).
    public func lastRequestHeaders(_ path: String) -> [String: String] {
        state.requests.withLock { $0[path]?.headers ?? [:] }
    }

    /// Stops the server.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
