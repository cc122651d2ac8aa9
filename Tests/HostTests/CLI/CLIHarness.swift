import Foundation
import TestSupport

/// A temporary working directory with a plugins dir holding the package's Swift plugin, a data dir,
/// and the environment that points `boss-host` at them.
struct CLIHarness {
    let root: String
    var plugins: String { root + "/plugins.d" }
    var data: String { root + "/data" }
    var output: String { root + "/out" }
    static var binary: String { BuildProducts.directory + "/boss-host" }

    static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<200_000).map { UInt8($0 % 253) }
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 7, count: 100)

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("boss-cli-\(UUID())").path
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

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }
}
