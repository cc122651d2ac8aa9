import Logging
import PluginABI

/// The `boss_job*` and `boss_file*` values plugins hold: handles into two tables, not pointers. A
/// handle that is finished, forged, or (on the job's own extract thread) another job's is refused with
/// BOSS_ERR_INVALID_ARGUMENT and a log line naming the plugin, never undefined behaviour.
enum PluginHandles {
    static let jobs = HandleTable<ExtractCall>()
    static let files = HandleTable<OpenSinkFile>()
    private static let fallbackLogger = Logger(label: "boss.plugin-host")

    /// The job behind `handle`, as a service named `service` was given it.
    static func job(_ handle: OpaquePointer?, for service: String) -> ExtractCall? {
        let call = PluginCall.current
        let value = UInt64(UInt(bitPattern: handle))
        let job = jobs.lookup(value) { context in call.map { $0.job == UInt(context.handle) } ?? true }
        if job == nil { refuse("a job handle", service: service, call: call) }
        return job
    }

    /// The open file behind `handle`; `closing` frees the handle (file_end, file_abort).
    static func file(_ handle: OpaquePointer?, for service: String, closing: Bool) -> OpenSinkFile? {
        let call = PluginCall.current
        let value = UInt64(UInt(bitPattern: handle))
        let ownJob: (OpenSinkFile) -> Bool = { file in call.map { $0.job == file.jobHandle } ?? true }
        let file = closing ? files.remove(value, if: ownJob) : files.lookup(value, if: ownJob)
        if file == nil { refuse("a file handle", service: service, call: call) }
        return file
    }

    /// The value a plugin receives for a handle.
    static func pointer(_ handle: UInt64) -> OpaquePointer? { OpaquePointer(bitPattern: UInt(handle)) }

    private static func refuse(_ what: String, service: String, call: PluginCall?) {
        let plugin = call.map { "plugin \($0.pluginID)" } ?? "a plugin (on a thread it started)"
        let message = "\(plugin) passed \(service) \(what) that is finished, forged or another job's: refused"
        guard let call, let context = jobs.lookup(UInt64(call.job)) else {
            fallbackLogger.warning("\(message)", metadata: ["security_event": "invalid_handle"])
            return
        }
        context.logger.warning("\(message)", metadata: ["security_event": "invalid_handle"])
        _ = context.record(BOSS_ERR_INVALID_ARGUMENT, message)
    }
}
