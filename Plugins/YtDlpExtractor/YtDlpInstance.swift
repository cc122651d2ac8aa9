import Foundation
import PluginABI

/// One plugin instance: its configuration, read once at create, and the extract flow.
final class YtDlpInstance: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init; `host` is valid until destroy.
    /// The health sentence; static storage, never freed, as the ABI asks.
    nonisolated(unsafe) static let notInstalled = StaticCString.make("yt-dlp is not installed")

    let host: UnsafePointer<boss_host>
    /// `bin`: a path, or a command name looked up on the host's PATH.
    let binary: String

    init(host: UnsafePointer<boss_host>) {
        self.host = host
        binary = host.pointee.config_get(host, "bin").map { String(cString: $0) } ?? "yt-dlp"
    }

    /// Resolved on every call, so installing yt-dlp later needs no plugin reload.
    func binaryPath() -> String? { ExecutableLocator.find(binary) }

    func extract(job: OpaquePointer, url: String) -> boss_status {
        let jobHost = JobHost(host: host, job: job)
        let tool = HostProcess(host: host, job: job)
        guard tool.isAvailable else {
            return jobHost.fail(BOSS_ERR_DEPENDENCY, "this plugin needs a newer boss-host (run_process)")
        }
        guard binaryPath() != nil else {
            return jobHost.fail(BOSS_ERR_DEPENDENCY, "this site needs yt-dlp, which is not installed")
        }
        guard let proxy = tool.proxyURL() else {
            return jobHost.fail(BOSS_ERR_DEPENDENCY, "the bot could not give yt-dlp network access")
        }
        guard let work = host.pointee.work_dir(job).map({ String(cString: $0) }),
            let config = YtDlpConfig.write(in: work, proxy: proxy)
        else {
            return jobHost.fail(BOSS_ERR_INTERNAL, "the host gave no usable work folder")
        }
        jobHost.setMetadata("source_url", url)
        let dryRun = host.pointee.job_flags(job) & BOSS_JOB_DRY_RUN != 0
        let arguments = YtDlpCommand.arguments(
            binary: binary, config: config, format: YtDlpFormat(host: host, job: job), dryRun: dryRun,
            url: url)
        let output = YtDlpOutput(path: work + "/" + YtDlpCommand.stdout, host: jobHost)
        let report = tool.run(
            arguments, network: true, stdout: YtDlpCommand.stdout, stderr: YtDlpCommand.stderr,
            onTick: output.poll)
        guard report.status == BOSS_OK else { return report.status }
        if report.exitCode == BOSS_PROCESS_STOPPED { return output.streamer.failure ?? BOSS_ERR_INTERNAL }
        _ = output.poll()
        if dryRun { return plan(jobHost, output, exitCode: report.exitCode, work: work) }
        if output.streamer.ended > 0 {
            notePlaylist(jobHost, output)
            return BOSS_OK
        }
        if let failure = output.streamer.failure { return failure }
        return failed(jobHost, output, exitCode: report.exitCode, work: work)
    }

    /// A dry run records the media URLs yt-dlp resolved; the host's fetch_to_file only notes them.
    private func plan(_ job: JobHost, _ output: YtDlpOutput, exitCode: Int32, work: String) -> boss_status {
        for media in output.planned {
            let status = job.fetchToFile(media, name: nil)
            if status != BOSS_OK { return status }
        }
        return output.planned.isEmpty ? failed(job, output, exitCode: exitCode, work: work) : BOSS_OK
    }

    /// A playlist link gives its first items only, and says so.
    private func notePlaylist(_ job: JobHost, _ output: YtDlpOutput) {
        guard let count = output.found.compactMap(\.playlistCount).max(), count > output.streamer.ended else {
            return
        }
        job.setMetadata(
            "note", "This link is a playlist of \(count): the bot sent its first \(output.streamer.ended).")
    }

    private func failed(_ job: JobHost, _ output: YtDlpOutput, exitCode: Int32, work: String) -> boss_status {
        let stderr = Self.tail(work + "/" + YtDlpCommand.stderr)
        let failure = YtDlpFailure.classify(exitCode: exitCode, stderr: stderr, found: output.found)
        if exitCode != 0 {
            job.log(BOSS_LOG_WARNING, "yt-dlp exited with \(exitCode): \(stderr.suffix(600))")
        }
        return job.fail(failure.status, failure.detail)
    }

    /// At most the last 64 KiB: the errors are at the end.
    private static func tail(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data.suffix(65_536), as: UTF8.self)
    }
}
