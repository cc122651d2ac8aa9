import Foundation
import Hummingbird
import Logging
import NIOPosix
import ServiceLifecycle

/// The operator's HTTP endpoint (`BOSS_METRICS_ADDR`): `/metrics` in the Prometheus text format,
/// `/healthz` (200 or 503 with a small JSON report) and `/`, a self-contained live dashboard.
public struct MetricsServer: Service {
    /// A `BOSS_METRICS_ADDR` that is not `HOST:PORT`.
    public struct AddressError: Error, CustomStringConvertible {
        /// The text for the operator.
        public var description: String
    }

    /// One event-loop thread for the whole process: the endpoint serves a scrape every few seconds, and
    /// NIO's shared group would start one thread per core (each with its stack and malloc arena).
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private let host: String
    private let port: Int
    private let health: @Sendable () async -> HealthReport
    private let logger: Logger

    /// A server for `address` (`HOST:PORT`, port 0 picks a free one) reporting `health` at `/healthz`.
    public init(
        address: String, logger: Logger, health: @escaping @Sendable () async -> HealthReport
    ) throws(AddressError) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port), colon > address.startIndex
        else {
            throw AddressError(description: "BOSS_METRICS_ADDR must be HOST:PORT or off, not \(address)")
        }
        host = String(address[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
        self.health = health
        self.logger = logger
        MonitoringSystem.bootstrap()
    }

    /// Serves until the service group shuts down.
    public func run() async throws {
        let router = Router()
        router.get("/metrics") { _, _ in
            Self.response(MonitoringSystem.exposition(), type: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/healthz") { [health] _, _ in
            let report = await health()
            return Self.response(
                report.json, type: "application/json", status: report.isHealthy ? .ok : .serviceUnavailable)
        }
        let dashboard = DashboardPage.body  // put together once, before the first request
        router.get("/") { _, _ in Self.response(dashboard, type: "text/html; charset=utf-8") }
        let logger = logger
        let app = Application(
            router: router, configuration: .init(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.notice("metrics: serving http://\(host):\(port)/ (/metrics, /healthz)")
            },
            eventLoopGroupProvider: .shared(Self.eventLoops),
            logger: Logger(label: "boss-metrics-http", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await app.run()
    }

    private static func response(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response
    {
        response(ByteBuffer(string: text), type: type, status: status)
    }

    private static func response(_ body: ByteBuffer, type: String, status: HTTPResponse.Status = .ok)
        -> Response
    {
        Response(
            status: status, headers: [.contentType: type, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: body))
    }
}
