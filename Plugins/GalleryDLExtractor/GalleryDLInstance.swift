import Foundation
import PluginABI
import PluginKit

/// One plugin instance: its configuration, read once at create, and the extract flow.
final class GalleryDLInstance: ToolExtractor {
    let toolName = "gallery-dl"
    /// `bin`: a path, or a command name looked up on the host's PATH.
    let binary: String
    let timeout: Duration
    /// gallery-dl's own size filter, so it skips files the sink would refuse anyway.
    let filesizeMax: String

    init(host: PluginHost) {
        binary = host.config("bin") ?? "gallery-dl"
        timeout = .seconds(host.config("timeout").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 300)
        filesizeMax = host.config("filesize_max") ?? "50M"
    }

    func run(_ tool: ToolJob, url: String) -> boss_status {
        guard let (config, downloads) = GalleryDLConfig.prepare(for: tool) else {
            return tool.workFolderUnusable()
        }
        let job = tool.job
        let dryRun = job.isDryRun
        // Only this config (with the proxy): no user's or system's gallery-dl settings apply.
        // -R 0: the host's retry policy is the queue's, not gallery-dl's; -g only lists the URLs.
        let options = ["--config-ignore", "-c", config, "--no-input"]
        let mode = dryRun ? ["-g"] : ["-D", downloads, "--filesize-max", filesizeMax]
        let streamer = FileStreamer(job: job)
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        let report = tool.process.run(
            [binary] + options + mode + ["--range", "1-20", "-R", "0", "--", url], network: true,
            stdout: "gallery-dl.stdout", stderr: "gallery-dl.stderr"
        ) {
            timedOut = ContinuousClock.now >= deadline
            return !timedOut && (dryRun || streamer.deliverFinished(in: downloads))
        }
        guard report.status == BOSS_OK else { return report.status }
        if report.exitCode == BOSS_PROCESS_STOPPED {
            if timedOut {
                return job.fail(
                    BOSS_ERR_NETWORK, "gallery-dl did not finish within \(timeout.components.seconds) s")
            }
            return streamer.failure ?? BOSS_ERR_INTERNAL
        }
        let stdout = tool.tail("gallery-dl.stdout")
        let stderr = tool.tail("gallery-dl.stderr")
        if dryRun {
            let urls = stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("http") }
            return tool.plan(urls) { failed(tool, code: report.exitCode, stderr: stderr) }
        }
        streamer.deliverFinished(in: downloads)
        if streamer.ended > 0 { return BOSS_OK }
        if let failure = streamer.failure { return failure }
        return failed(tool, code: report.exitCode, stderr: stderr)
    }

    private func failed(_ tool: ToolJob, code: Int32, stderr: String) -> boss_status {
        let failure = GalleryDLFailure.classify(exitCode: code, stderr: stderr)
        return tool.failed(failure, exitCode: code, stderr: stderr)
    }
}
