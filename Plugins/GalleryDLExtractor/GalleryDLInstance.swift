import Foundation
import PluginABI

/// One plugin instance: its configuration, read once at create, and the extract flow.
final class GalleryDLInstance: @unchecked Sendable {
    // @unchecked: every stored property is immutable after init; `host` is valid until destroy.
    /// The health sentence; static storage, never freed, as the ABI asks.
    nonisolated(unsafe) static let notInstalled = StaticCString.make("gallery-dl is not installed")

    let host: UnsafePointer<boss_host>
    /// `bin`: a path, or a command name looked up on the host's PATH.
    let binary: String
    let timeout: Duration
    /// gallery-dl's own size filter, so it skips files the sink would refuse anyway.
    let filesizeMax: String

    init(host: UnsafePointer<boss_host>) {
        self.host = host
        let config = { (key: String) in host.pointee.config_get(host, key).map { String(cString: $0) } }
        binary = config("bin") ?? "gallery-dl"
        timeout = .seconds(config("timeout").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 300)
        filesizeMax = config("filesize_max") ?? "50M"
    }

    static func from(_ pointer: UnsafeMutableRawPointer) -> GalleryDLInstance {
        Unmanaged<GalleryDLInstance>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Resolved on every call, so installing gallery-dl later needs no plugin reload.
    func binaryPath() -> String? { ExecutableLocator.find(binary) }

    func extract(job: OpaquePointer, url: String) -> boss_status {
        let tool = HostProcess(host: host, job: job)
        guard tool.isAvailable else {
            return fail(job, BOSS_ERR_DEPENDENCY, "this plugin needs a newer boss-host (run_process)")
        }
        guard binaryPath() != nil else {
            return fail(job, BOSS_ERR_DEPENDENCY, "this site needs gallery-dl, which is not installed")
        }
        guard let proxy = tool.proxyURL() else {
            return fail(job, BOSS_ERR_DEPENDENCY, "the bot could not give gallery-dl network access")
        }
        guard let work = host.pointee.work_dir(job).map({ String(cString: $0) }),
            let (config, downloads) = GalleryDLConfig.prepare(in: work, proxy: proxy)
        else {
            return fail(job, BOSS_ERR_INTERNAL, "the host gave no usable work folder")
        }
        _ = host.pointee.set_metadata(job, "source_url", url)
        let dryRun = host.pointee.job_flags(job) & BOSS_JOB_DRY_RUN != 0
        // Only this config (with the proxy): no user's or system's gallery-dl settings apply.
        // -R 0: the host's retry policy is the queue's, not gallery-dl's; -g only lists the URLs.
        let options = ["--config-ignore", "-c", config, "--no-input"]
        let mode = dryRun ? ["-g"] : ["-D", downloads, "--filesize-max", filesizeMax]
        let streamer = FileStreamer(host: host, job: job)
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        let report = tool.run(
            [binary] + options + mode + ["--range", "1-20", "-R", "0", "--", url], network: true,
            stdout: "gallery-dl.stdout", stderr: "gallery-dl.stderr"
        ) {
            timedOut = ContinuousClock.now >= deadline
            return !timedOut && (dryRun || streamer.deliverFinished(in: downloads))
        }
        guard report.status == BOSS_OK else { return report.status }
        if report.exitCode == BOSS_PROCESS_STOPPED {
            if timedOut {
                return fail(
                    job, BOSS_ERR_NETWORK, "gallery-dl did not finish within \(timeout.components.seconds) s")
            }
            return streamer.failure ?? BOSS_ERR_INTERNAL
        }
        let stdout = Self.tail(work + "/gallery-dl.stdout")
        let stderr = Self.tail(work + "/gallery-dl.stderr")
        if dryRun { return planDownloads(job, listing: stdout, code: report.exitCode, stderr: stderr) }
        streamer.deliverFinished(in: downloads)
        if streamer.ended > 0 { return BOSS_OK }
        if let failure = streamer.failure { return failure }
        return failed(job, code: report.exitCode, stderr: stderr)
    }

    /// At most the last 64 KiB: enough for every URL of 20 files, or the error at the end of stderr.
    private static func tail(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data.suffix(65_536), as: UTF8.self)
    }

    /// A dry run records the media URLs gallery-dl resolved; the host's fetch_to_file only notes them.
    private func planDownloads(_ job: OpaquePointer, listing: String, code: Int32, stderr: String)
        -> boss_status
    {
        let urls = listing.split(separator: "\n").map(String.init).filter { $0.hasPrefix("http") }
        for media in urls {
            let status = host.pointee.fetch_to_file(job, media, nil, nil)
            if status != BOSS_OK { return status }
        }
        return urls.isEmpty ? failed(job, code: code, stderr: stderr) : BOSS_OK
    }

    private func failed(_ job: OpaquePointer, code: Int32, stderr: String) -> boss_status {
        let failure = GalleryDLFailure.classify(exitCode: code, stderr: stderr)
        if code != 0 { log(BOSS_LOG_WARNING, "gallery-dl exited with \(code): \(stderr.suffix(600))") }
        return fail(job, failure.status, failure.detail)
    }

    private func fail(_ job: OpaquePointer, _ status: boss_status, _ detail: String) -> boss_status {
        _ = host.pointee.set_error_detail(job, detail)
        return status
    }

    func log(_ level: boss_log_level, _ message: String) { host.pointee.log(host, level, message) }
}
