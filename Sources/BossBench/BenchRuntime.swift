import BossCore
import Foundation

/// A host runtime over a throwaway folder whose plugins folder holds one plugin: what the benchmarks
/// that run a real job start from. `remove()` deletes the folder.
struct BenchRuntime {
    let root: String
    let runtime: HostRuntime

    /// Copies `plugin` in as `lib<name>.so` and loads it; `settings` adds to the data and plugin folders.
    init(plugin: String, name: String, settings: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("boss-\(name)-\(getpid())").path
        try FileManager.default.createDirectory(atPath: root + "/plugins", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: plugin, toPath: root + "/plugins/lib\(name).so")
        let values = ["BOSS_PLUGINS_DIR": root + "/plugins", "BOSS_DATA_DIR": root + "/data"]
        let environment = HostEnvironment(values: values.merging(settings) { _, new in new })
        runtime = try HostRuntime(
            settings: try HostSettings(environment: environment), logger: LatencyBenchmarks.quietLogger)
        _ = runtime.loader.loadAll()
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}
