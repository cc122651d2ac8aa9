import PluginKit

/// The one configuration file yt-dlp reads (`--ignore-config --config-locations FILE`): the host's
/// egress proxy with the job's credentials, in a file only the service user can read.
enum YtDlpConfig {
    /// yt-dlp splits config lines like a shell: the URL goes in single quotes.
    static func document(proxy: String) -> String {
        "--proxy '" + proxy.replacingOccurrences(of: "'", with: "'\"'\"'") + "'\n"
    }

    /// Writes the file into the work folder (owner-only); its path, or nil when it cannot be written.
    static func write(for tool: ToolJob) -> String? {
        tool.writePrivateFile("yt-dlp.conf", document(proxy: tool.proxy))
    }
}
