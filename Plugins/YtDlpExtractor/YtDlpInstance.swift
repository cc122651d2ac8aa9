import Foundation
import PluginABI
import PluginKit

/// One plugin instance: its configuration, read once at create, and the extract flow.
final class YtDlpInstance: ToolExtractor {
    let toolName = "yt-dlp"
    /// `bin`: a path, or a command name looked up on the host's PATH.
    let binary: String

    init(host: PluginHost) {
        binary = host.config("bin") ?? "yt-dlp"
    }

    func run(_ tool: ToolJob, url: String) -> boss_status {
        guard let config = YtDlpConfig.write(for: tool) else { return tool.workFolderUnusable() }
        let job = tool.job
        let dryRun = job.isDryRun
        let arguments = YtDlpCommand.arguments(
            binary: binary, config: config, format: YtDlpFormat(job: job), dryRun: dryRun, url: url)
        let output = YtDlpOutput(path: tool.workFolder + "/" + YtDlpCommand.stdout, job: job)
        let report = tool.process.run(
            arguments, network: true, stdout: YtDlpCommand.stdout, stderr: YtDlpCommand.stderr,
            onTick: output.poll)
        guard report.status == BOSS_OK else { return report.status }
        if report.exitCode == BOSS_PROCESS_STOPPED { return output.streamer.failure ?? BOSS_ERR_INTERNAL }
        _ = output.poll()
        if dryRun { return tool.plan(output.planned) { failed(tool, output, exitCode: report.exitCode) } }
        if output.streamer.ended > 0 {
            notePlaylist(job, output)
            return BOSS_OK
        }
        if let failure = output.streamer.failure { return failure }
        return failed(tool, output, exitCode: report.exitCode)
    }

    /// A playlist link gives its first items only, and says so.
    private func notePlaylist(_ job: JobHost, _ output: YtDlpOutput) {
        guard let count = output.found.compactMap(\.playlistCount).max(), count > output.streamer.ended else {
            return
        }
        job.setMetadata(
            "note", "This link is a playlist of \(count): the bot sent its first \(output.streamer.ended).")
    }

    private func failed(_ tool: ToolJob, _ output: YtDlpOutput, exitCode: Int32) -> boss_status {
        let stderr = tool.tail(YtDlpCommand.stderr)
        let failure = YtDlpFailure.classify(exitCode: exitCode, stderr: stderr, found: output.found)
        return tool.failed(failure, exitCode: exitCode, stderr: stderr)
    }
}
