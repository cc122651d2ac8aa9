import BossMetrics
import BossNet
import Foundation
import Logging
import PluginABI
import Synchronization

/// One `extract` call of a plugin, as the host services see it: the plugin holds it as the opaque
/// `boss_job*`, valid until that call returns. It keeps what the plugin reported (metadata, error
/// detail, redirect, planned downloads) and composes the call's sink files and child processes.
final class ExtractCall: Sendable {
    let jobID: JobID
    let isDryRun: Bool
    let options: JobOptions
    let control: JobControl
    let http: HTTPClient
    let limits: ExtractionLimits
    let logger: Logger
    /// The files the plugin opened in the sink.
    let files: SinkFiles
    /// The call's confined child processes.
    let children: JobChildren
    /// The scratch folder `work_dir` returns; immutable, freed in deinit.
    nonisolated(unsafe) let workDirectory: UnsafePointer<CChar>
    private let state: Mutex<State>
    private let handleStorage = Atomic<UInt64>(0)

    private struct State {
        var metadata: MediaMetadata
        var errorDetail: String?
        var redirectURL: String?
        var planned: [PlannedDownload] = []
        var hostErrors: [String] = []
        /// Addresses of strdup'ed strings handed to the plugin, freed with the call.
        var keptCStrings: [UInt] = []
    }

    init(
        request: ExtractionRequest, metadata: MediaMetadata, control: JobControl, files: SinkFiles,
        http: HTTPClient, children: JobChildren, limits: ExtractionLimits, workDirectory: String,
        logger: Logger
    ) {
        jobID = request.jobID
        isDryRun = request.dryRun
        options = request.options
        self.control = control
        self.files = files
        self.http = http
        self.children = children
        self.limits = limits
        self.logger = logger
        self.workDirectory = UnsafePointer(strdup(workDirectory)!)
        state = Mutex(State(metadata: metadata))
        handleStorage.store(PluginHandles.jobs.add(self), ordering: .releasing)
    }

    deinit {
        free(UnsafeMutablePointer(mutating: workDirectory))
        let addresses = state.withLock { $0.keptCStrings }
        for address in addresses { free(UnsafeMutableRawPointer(bitPattern: address)) }
    }

    /// The call's handle in `PluginHandles.jobs`, until `end(status:)` closes it.
    var handle: UInt64 { handleStorage.load(ordering: .acquiring) }

    /// The `boss_job*` handed to the plugin: a handle, not a pointer (see `PluginHandles`).
    var pointer: OpaquePointer { PluginHandles.pointer(handle)! }

    /// The call behind a `boss_job*` a plugin passed; nil (and a log line) for a closed or forged one.
    static func from(_ job: OpaquePointer?) -> ExtractCall? { PluginHandles.job(job, for: "a job service") }

    func setMetadata(key: String, value: String) -> boss_status {
        state.withLock { $0.metadata.set(key: key, value: value) } ? BOSS_OK : BOSS_ERR_INVALID_ARGUMENT
    }

    func setErrorDetail(_ message: String) { state.withLock { $0.errorDetail = message } }

    func requestRedirect(to url: String) -> boss_status {
        guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
            return record(BOSS_ERR_INVALID_ARGUMENT, "redirect to a non-http(s) URL refused")
        }
        state.withLock { $0.redirectURL = url }
        return BOSS_OK
    }

    /// Notes a download a dry run would make.
    func plan(_ download: PlannedDownload) { state.withLock { $0.planned.append(download) } }

    /// Notes why a host service failed (for the operator's log and the error's cause) and passes
    /// the status through.
    func record(_ status: boss_status, _ cause: String) -> boss_status {
        logger.debug("host service failed: \(cause)", metadata: ["job": "\(jobID)"])
        if status == BOSS_ERR_BLOCKED_ADDRESS { BossMetrics.securityEvent("blocked_address") }
        state.withLock { $0.hostErrors.append(cause) }
        return status
    }

    /// Keeps a C string alive until the call ends (for pointers handed back in responses).
    func keep(_ string: String) -> UnsafePointer<CChar> {
        let copy = strdup(string)!
        let address = UInt(bitPattern: copy)
        state.withLock { $0.keptCStrings.append(address) }
        return UnsafePointer(copy)
    }

    /// Called when extract returned: closes the job's handle (a plugin that kept it gets
    /// BOSS_ERR_INVALID_ARGUMENT from then on), aborts files left open, and tells what the call left.
    func end(status: boss_status) -> PluginHop {
        PluginHandles.jobs.remove(handle)
        files.abortAll(logger: logger, job: jobID)
        return state.withLock { state in
            PluginHop(
                status: status, metadata: state.metadata, errorDetail: state.errorDetail,
                redirectURL: state.redirectURL, planned: state.planned, hostErrors: state.hostErrors)
        }
    }
}
