import BossCore
import Foundation
import Logging
import TestSupport

/// A host runtime over a temporary data dir and plugins dir, with a local media server.
struct ExtractionHarness: Stoppable {
    let folder: TemporaryFolder
    let server: TestHTTPServer
    var root: String { folder.path }
    var pluginsDirectory: String { root + "/plugins.d" }
    var dataDirectory: String { root + "/data" }

    static let png = MediaSamples.file(MediaSamples.png, filler: 3000, modulo: 251)
    static let elf = MediaSamples.elf64 + [UInt8](repeating: 0, count: 200)

    static func make(_ routes: [String: TestRoute] = [:]) async throws -> ExtractionHarness {
        let folder = try TemporaryFolder(prefix: "boss-extract")
        try FileManager.default.createDirectory(
            atPath: folder.file("plugins.d"), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        var all: [String: TestRoute] = ["/media/cat.png": .bytes(png), "/media/pic.jpg": .bytes(elf)]
        all.merge(routes) { _, new in new }
        do {
            return ExtractionHarness(folder: folder, server: try await TestHTTPServer.start(all))
        } catch {
            folder.remove()
            throw error
        }
    }

    func installBehaviourPlugin(id: String = "behaviour") throws {
        _ = try CPluginBuilder.build(
            source: "behaviour_plugin.c", defines: ["BEHAVIOUR_ID": "\"\(id)\""], into: pluginsDirectory,
            name: "lib\(id).so")
    }

    func installDirectPlugin() throws { try installPlugin(product: "DirectMediaExtractor") }

    /// Copies the package-built plugin `lib<product>.so` into the plugins dir.
    func installPlugin(product: String) throws {
        try FileManager.default.copyItem(
            atPath: BuildProducts.directory + "/lib\(product).so",
            toPath: pluginsDirectory + "/lib\(product).so")
    }

    /// A runtime over the harness's folders; `extra` adds environment, e.g. plugin config.
    func runtime(
        allowPrivateNetworks: Bool = true, maxFileMB: Int = 1, extra: [String: String] = [:],
        logger: Logger = Logger(label: "test")
    ) throws -> HostRuntime {
        let base = [
            "BOSS_PLUGINS_DIR": pluginsDirectory, "BOSS_DATA_DIR": dataDirectory,
            "BOSS_ALLOW_PRIVATE_NETWORKS": allowPrivateNetworks ? "1" : "0",
            "BOSS_MAX_FILE_MB": "\(maxFileMB)",
        ]
        let environment = HostEnvironment(values: base.merging(extra) { _, new in new })
        let runtime = try HostRuntime(
            settings: try HostSettings(environment: environment), logger: logger)
        _ = runtime.loader.loadAll()
        return runtime
    }

    /// The fixture's URL for a mode: `http://127.0.0.1:PORT/<mode>/<rest>`.
    func url(_ mode: String, _ rest: String) -> String { server.url("/\(mode)/\(rest)") }

    func stop() async {
        await server.stop()
        folder.remove()
    }
}

extension HostRuntime {
    func extract(_ url: String, job: Int64 = 1, dryRun: Bool = false, control: JobControl = JobControl())
        async throws(ExtractionError) -> ExtractionResult
    {
        try await runner.extract(
            ExtractionRequest(jobID: JobID(rawValue: job), url: url, dryRun: dryRun), control: control)
    }
}
