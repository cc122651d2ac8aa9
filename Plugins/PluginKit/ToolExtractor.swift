import PluginABI

/// A plugin instance that runs one networked tool per job (gallery-dl, yt-dlp): PluginKit checks that
/// the host can run it, records the link as the media's source, and reports whether it is installed.
public protocol ToolExtractor: PluginExtractor {
    /// The tool's name for the user, e.g. "yt-dlp".
    var toolName: String { get }
    /// A path, or a command name looked up on the host's PATH.
    var binary: String { get }
    /// Runs the tool for `url` once the checks passed.
    func run(_ tool: ToolJob, url: String) -> boss_status
}

extension ToolExtractor {
    /// Runs the tool for `url` once the host can: a dependency error (with the user's sentence) when
    /// it cannot.
    public func extract(_ job: JobHost, url: String) -> boss_status {
        switch ToolJob.prepare(job, tool: toolName, binary: binary) {
        case .success(let tool):
            job.setMetadata("source_url", url)
            return run(tool, url: url)
        case .failure(let refusal):
            return refusal.status
        }
    }

    /// Resolved on every call, so installing the tool later needs no plugin reload.
    public func healthProblem() -> String? {
        ExecutableLocator.find(binary) == nil ? "\(toolName) is not installed" : nil
    }
}
