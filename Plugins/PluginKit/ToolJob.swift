import Foundation
import PluginABI

/// A job that runs a downloading tool (gallery-dl, yt-dlp) through the host: the checks every such
/// plugin makes before the tool starts, the tool's proxy and work folder, and its output afterwards.
public struct ToolJob {
    /// The job's services.
    public let job: JobHost
    /// The tool's name for the user and the operator's log.
    public let tool: String
    /// The runner of the tool, confined by the host.
    public let process: HostProcess
    /// The egress proxy's URL with the job's credentials: for a config file, never an argument.
    public let proxy: String
    /// The job's private scratch folder, the tool's working directory.
    public let workFolder: String

    /// Why a tool cannot run for this job: the status to return (the user's sentence is recorded).
    public struct Refusal: Error {
        /// The status `extract` returns.
        public let status: boss_status
    }

    /// Checks that the host can run `tool` (its name for the user) as `binary` with network access;
    /// on a refusal the job's error detail says why.
    public static func prepare(_ job: JobHost, tool: String, binary: String) -> Result<ToolJob, Refusal> {
        let process = job.process
        let refuse = { (status: boss_status, detail: String) in
            Result<ToolJob, Refusal>.failure(Refusal(status: job.fail(status, detail)))
        }
        guard process.isAvailable else {
            return refuse(BOSS_ERR_DEPENDENCY, "this plugin needs a newer boss-host (run_process)")
        }
        guard ExecutableLocator.find(binary) != nil else {
            return refuse(BOSS_ERR_DEPENDENCY, "this site needs \(tool), which is not installed")
        }
        guard let proxy = process.proxyURL() else {
            return refuse(BOSS_ERR_DEPENDENCY, "the bot could not give \(tool) network access")
        }
        guard let work = job.workDirectory else {
            return refuse(BOSS_ERR_INTERNAL, "the host gave no usable work folder")
        }
        return .success(ToolJob(job: job, tool: tool, process: process, proxy: proxy, workFolder: work))
    }

    /// The job's failure when the work folder cannot hold the tool's files.
    public func workFolderUnusable() -> boss_status {
        job.fail(BOSS_ERR_INTERNAL, "the host gave no usable work folder")
    }

    /// Writes `text` to `name` in the work folder, readable by the service user only (a tool's config
    /// with the proxy credentials); its path, or nil when it cannot be written.
    public func writePrivateFile(_ name: String, _ text: String) -> String? {
        let path = workFolder + "/" + name
        let written = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        return written ? path : nil
    }

    /// At most the last 64 KiB of the work folder's file `name` (a tool's stdout or stderr): enough for
    /// every URL of 20 files, or the error at the end of stderr.
    public func tail(_ name: String) -> String {
        guard let data = FileManager.default.contents(atPath: workFolder + "/" + name) else { return "" }
        return String(decoding: data.suffix(65_536), as: UTF8.self)
    }

    /// A dry run records the media URLs the tool resolved (the host's fetch_to_file only notes them);
    /// `none` explains a run that resolved none.
    public func plan(_ urls: [String], none: () -> boss_status) -> boss_status {
        for media in urls {
            let status = job.fetchToFile(media, name: nil)
            if status != BOSS_OK { return status }
        }
        return urls.isEmpty ? none() : BOSS_OK
    }

    /// Records the tool's failure for the user: a warning with the end of its stderr in the operator's
    /// log when it exited non-zero, and the classified status and sentence.
    public func failed(_ failure: ToolFailure, exitCode: Int32, stderr: String) -> boss_status {
        if exitCode != 0 {
            job.log(BOSS_LOG_WARNING, "\(tool) exited with \(exitCode): \(stderr.suffix(600))")
        }
        return job.fail(failure.status, failure.detail)
    }
}
