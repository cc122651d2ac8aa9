import Foundation
import TestSupport

/// A temporary working directory with a plugins dir holding the package's Swift plugin, a data dir,
/// and the environment that points `boss-host` at them.
struct CLIHarness {
    let folder: TemporaryFolder
    var root: String { folder.path }
    var plugins: String { root + "/plugins.d" }
    var data: String { root + "/data" }
    var output: String { root + "/out" }
    static var binary: String { BuildProducts.directory + "/boss-host" }

    static let png = MediaSamples.file(MediaSamples.png, filler: 200_000, modulo: 253)
    static let elf = MediaSamples.elf64 + [UInt8](repeating: 7, count: 100)

    init() throws {
        folder = try TemporaryFolder(prefix: "boss-cli")
        // An explicit mode: the loader refuses group-writable plugin folders, whatever the umask.
        try FileManager.default.createDirectory(
            atPath: root + "/plugins.d", withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        try FileManager.default.copyItem(
            atPath: BuildProducts.directory + "/libDirectMediaExtractor.so",
            toPath: plugins + "/libDirectMediaExtractor.so")
    }

    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["BOSS_PLUGINS_DIR": plugins, "BOSS_DATA_DIR": data, "BOSS_ALLOW_PRIVATE_NETWORKS": "1"]
            .merging(extra) { _, new in new }
    }

    func run(_ arguments: [String], _ extra: [String: String] = [:]) async throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        try await ChildProcess.run(Self.binary, arguments, environment: environment(extra), directory: root)
    }

    func launch(_ arguments: [String], _ extra: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(Self.binary, arguments, environment: environment(extra), directory: root)
    }

    func outputFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []).sorted()
    }

    func cleanUp() { folder.remove() }
}
