import Foundation

/// The one configuration gallery-dl runs with (`--config-ignore -c FILE`): no user's or system's
/// configuration file applies, so cookies, credentials or another proxy in the service user's
/// gallery-dl config can never leak into a job.
enum GalleryDLConfig {
    /// `.part` files until a download is complete (the streamer takes only finished files), no
    /// retries (the queue decides), short timeouts, no progress noise.
    static let document = """
        {
            "extractor": {"retries": 0, "timeout": 30.0},
            "downloader": {"part": true, "retries": 0, "timeout": 30.0, "mtime": false, "progress": null},
            "output": {"progress": false}
        }
        """

    /// Writes the configuration into the work folder and creates the folder downloads go to; their
    /// paths, or nil when either cannot be made.
    static func prepare(in folder: String) -> (config: String, downloads: String)? {
        let path = folder + "/gallery-dl.conf"
        let downloads = folder + "/files"
        guard FileManager.default.createFile(atPath: path, contents: Data(document.utf8)),
            (try? FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true))
                != nil
        else { return nil }
        return (path, downloads)
    }
}
