import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// A fake Discord on 127.0.0.1 for tests: REST under `/api/v10` and the gateway WebSocket at
/// `/gateway`, over real sockets, with zlib-stream compression like the real one.
public final class FakeDiscord: Sendable {
    /// The gateway's session logic and record.
    public let gateway: FakeGateway
    /// The REST API's state and record.
    public let rest: FakeREST
    /// The bound port.
    public let port: Int
    private let task: Task<Void, any Error>

    /// `http://127.0.0.1:PORT/api/v10`, for `BOSS_DISCORD_API_URL`.
    public var apiURL: String { "http://127.0.0.1:\(port)/api/v10" }

    private init(gateway: FakeGateway, rest: FakeREST, port: Int, task: Task<Void, any Error>) {
        self.gateway = gateway
        self.rest = rest
        self.port = port
        self.task = task
    }

    /// Starts the fake with the bot's user and application IDs.
    public static func start(botUserID: String = "900", applicationID: String = "800") async throws
        -> FakeDiscord
    {
        let gateway = FakeGateway(botUserID: botUserID, applicationID: applicationID)
        let rest = FakeREST(applicationID: applicationID, botUserID: botUserID)
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let router = Router()
        rest.install(on: router)
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade { request, channel, _ in
                guard request.path?.hasPrefix("/gateway") == true else { return .dontUpgrade }
                return .upgrade([:]) { inbound, outbound, _ in
                    try await serve(gateway: gateway, inbound: inbound, outbound: outbound, channel: channel)
                }
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portSink.yield(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "fake-discord", factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CancellationError()
        }
        rest.gatewayURL.withLock { $0 = "ws://127.0.0.1:\(port)/gateway" }
        gateway.resumeURL.withLock { $0 = "ws://127.0.0.1:\(port)/gateway" }
        return FakeDiscord(gateway: gateway, rest: rest, port: port, task: task)
    }

    private static func serve(
        gateway: FakeGateway, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
        channel: any Channel
    ) async throws {
        let connection = gateway.accept()
        let deflater = ZlibDeflater()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await action in connection.actions {
                    switch action {
                    case .send(let json):
                        let bytes = deflater.compress(Array(json.utf8))
                        try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
                    case .close(let code):
                        try await outbound.close(.init(codeNumber: Int(code)), reason: "fake close")
                        return
                    case .drop:
                        try await channel.close()
                        return
                    }
                }
            }
            group.addTask {
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    if case .text(let text) = message { gateway.receive(text, on: connection) }
                }
                connection.isLive = false
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Points `GET /gateway/bot` and READY's resume URL somewhere else, e.g. a TLS proxy in front of
    /// the gateway (`wss://127.0.0.1:PORT/gateway`).
    public func announceGateway(_ url: String) {
        rest.gatewayURL.withLock { $0 = url }
        gateway.resumeURL.withLock { $0 = url }
    }

    /// Stops the server.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
