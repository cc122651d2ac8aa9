import PluginABI

/// A plugin instance as PluginKit calls it: one `extract` per job, and an optional health report.
/// With `BOSS_PLUGIN_THREAD_SAFE` in the plugin's flags, calls overlap: the conformer must cope.
public protocol PluginExtractor: Sendable {
    /// Downloads the media of `url` into the host's sink; `BOSS_OK` once a file was ended or a
    /// redirect made, else the status that explains why not.
    func extract(_ job: JobHost, url: String) -> boss_status

    /// Why the plugin is degraded (e.g. "gallery-dl is not installed"), or nil when it can work.
    func healthProblem() -> String?
}

extension PluginExtractor {
    /// Nothing that could degrade.
    public func healthProblem() -> String? { nil }
}
