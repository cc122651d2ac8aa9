import Foundation

/// The one configuration file yt-dlp reads (`--ignore-config --config-locations FILE`): the host's
/// egress proxy with the job's credentials, in a file only the service user can read.
enum YtDlpConfig {
    /// yt-dlp splits config lines like a shell: the URL goes in single quotes.
    static func document(proxy: String) -> String {
        "--proxy '" + proxy.replacingOccurrences(of: "'", with: "'\"'\"'") + "'\n"
    }

    /// Writes the file into the work folder (owner-only); its path, or nil when it cannot be written.
    static func write(in folder: String, proxy: String) -> String? {
        let path = folder + "/yt-dlp.conf"
        let written = FileManager.default.createFile(
            atPath: path, contents: Data(document(proxy: proxy).utf8), attributes: [.posixPermissions: 0o600])
        return written ? path : nil
    }
}
