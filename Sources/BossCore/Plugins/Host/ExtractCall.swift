import BossMetrics
import BossNet
import Foundation
import Logging
import PluginABI
import Synchronization

/// Everything one `extract` call may touch through the host services; the plugin holds it as the
/// opaque `boss_job*`, valid until that call returns.
final class ExtractCall: Sendable {
    let jobID: JobID
    let isDryRun: Bool
    let options: JobOptions
    let control: JobControl
    let sink: MediaSink
    let http: HTTPClient
    let children: JobChildren
    let limits: ExtractionLimits
    let logger: Logger
    let workDirectory: String
    nonisolated(unsafe) let workDirectoryCString: UnsafePointer<CChar>  // immutable, freed in deinit
    let state = Mutex(State())
    private let handleStorage = Atomic<UInt64>(0)

    struct State {
        var metadata = MediaMetadata()
        var errorDetail: String?
        var redirectURL: String?
        var planned: [PlannedDownload] = []
        var hostErrors: [String] = []
        var openFiles: [UInt64: OpenSinkFile] = [:]
        var filesBegun = 0
        var bytesOfEndedFiles: UInt64 = 0
        /// Addresses of strdup'ed strings handed to the plugin, freed with the context.
        var keptCStrings: [UInt] = []
    }

    init(
        jobID: JobID, isDryRun: Bool, options: JobOptions, control: JobControl, sink: MediaSink,
        http: HTTPClient,
        children: JobChildren, limits: ExtractionLimits, workDirectory: String, logger: Logger
    ) {
        self.jobID = jobID
        self.isDryRun = isDryRun
        self.options = options
        self.control = control
        self.sink = sink
        self.http = http
        self.children = children
        self.limits = limits
        self.workDirectory = workDirectory
        self.logger = logger
        workDirectoryCString = UnsafePointer(strdup(workDirectory)!)
        handleStorage.store(PluginHandles.jobs.add(self), ordering: .releasing)
    }

    deinit {
        free(UnsafeMutablePointer(mutating: workDirectoryCString))
        let addresses = state.withLock { $0.keptCStrings }
        for address in addresses { free(UnsafeMutableRawPointer(bitPattern: address)) }
    }

    /// The job's handle in `PluginHandles.jobs`, until `abortOpenFiles()` closes it.
    var handle: UInt64 { handleStorage.load(ordering: .acquiring) }

    /// The `boss_job*` handed to the plugin: a handle, not a pointer (see `PluginHandles`).
    var pointer: OpaquePointer { PluginHandles.pointer(handle)! }

    /// The job behind a `boss_job*` a plugin passed; nil (and a log line) for a closed or forged one.
    static func from(_ job: OpaquePointer?) -> ExtractCall? { PluginHandles.job(job, for: "a job service") }

    func reportProgress(done: UInt64, total: UInt64) {
        let base = state.withLock { $0.bytesOfEndedFiles }
        control.report(JobProgress(done: base + done, total: total == 0 ? 0 : base + total))
    }

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

    /// Notes why a host service failed (for the operator's log and the error's cause) and passes
    /// the status through.
    func record(_ status: boss_status, _ cause: String) -> boss_status {
        logger.debug("host service failed: \(cause)", metadata: ["job": "\(jobID)"])
        if status == BOSS_ERR_BLOCKED_ADDRESS { BossMetrics.securityEvent("blocked_address") }
        state.withLock { $0.hostErrors.append(cause) }
        return status
    }

    /// Keeps a C string alive until the job ends (for pointers handed back in responses).
    func keep(_ string: String) -> UnsafePointer<CChar> {
        let copy = strdup(string)!
        let address = UInt(bitPattern: copy)
        state.withLock { $0.keptCStrings.append(address) }
        return UnsafePointer(copy)
    }
}
