import Foundation
import PluginKit

/// The one configuration gallery-dl runs with (`--config-ignore -c FILE`): no user's or system's
/// configuration file applies, so cookies, credentials or another proxy in the service user's
/// gallery-dl config can never leak into a job. It names the host's egress proxy, with the job's
/// credentials: in a file only the service user can read, not in arguments every local user can see.
enum GalleryDLConfig {
    /// `.part` files until a download is complete (the streamer takes only finished files), no
    /// retries (the queue decides), short timeouts, no progress noise, and the proxy.
    static func document(proxy: String) -> String {
        let escaped = proxy.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "\"", with: "\\\"")
        let quoted = "\"" + escaped + "\""
        return """
            {
                "extractor": {"proxy": \(quoted), "retries": 0, "timeout": 30.0},
                "downloader": {"part": true, "retries": 0, "timeout": 30.0, "mtime": false, "progress": null},
                "output": {"progress": false}
            }
            """
    }

    /// Writes the configuration into the work folder (owner-only) and creates the folder downloads go
    /// to; their paths, or nil when either cannot be made.
    static func prepare(for tool: ToolJob) -> (config: String, downloads: String)? {
        let downloads = tool.workFolder + "/files"
        guard let path = tool.writePrivateFile("gallery-dl.conf", document(proxy: tool.proxy)),
            (try? FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true))
                != nil
        else { return nil }
        return (path, downloads)
    }
}
