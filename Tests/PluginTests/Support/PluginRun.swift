import BossCore
import PluginABI
import TestSupport

extension ExtractionHarness {
    /// A harness with the package-built plugin `product` installed.
    static func with(product: String, _ routes: [String: TestRoute] = [:]) async throws -> ExtractionHarness {
        try await make(routes).configured { try $0.installPlugin(product: product) }
    }

    /// The local server's origin, what cassettes' `{{MEDIA}}` and the plugins' `api_url` become.
    var base: String { "http://127.0.0.1:\(server.port)" }

    /// Serves the cassette `name` at `path`.
    func serve(cassette name: String, at path: String) throws {
        server.setRoute(path, .json(try MediaFixtures.cassette(name, media: base)))
    }

    /// Runs `url` expecting a failure; returns the plugin's status and detail.
    func failure(_ runtime: HostRuntime, _ url: String) async -> (status: boss_status?, detail: String) {
        do {
            _ = try await runtime.extract(url)
            return (nil, "no error")
        } catch {
            guard case .pluginFailed(_, let status, let detail, _) = error else { return (nil, "\(error)") }
            return (status, detail ?? "")
        }
    }
}
