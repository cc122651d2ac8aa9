import Logging
import PluginABI

/// The `boss_file*` values plugins hold: handles into one table, not pointers. A handle that is
/// finished, forged, or (on the job's own thread) another job's gets BOSS_ERR_INVALID_ARGUMENT and a
/// log line naming the plugin, never undefined behaviour.
enum SinkFileHandles {
    static let table = HandleTable<OpenSinkFile>()
    private static let fallbackLogger = Logger(label: "boss.plugin-host")

    /// The value a plugin receives for `file`.
    static func pointer(_ file: OpenSinkFile) -> OpaquePointer? {
        OpaquePointer(bitPattern: UInt(file.handle))
    }

    /// The open file behind `handle` for `service`; `closing` frees the handle (file_end, file_abort).
    static func resolve(_ handle: OpaquePointer?, for service: String, closing: Bool) -> OpenSinkFile? {
        let call = PluginCall.current
        let value = UInt64(UInt(bitPattern: handle))
        let ownJob: (OpenSinkFile) -> Bool = { file in call.map { $0.job == file.jobAddress } ?? true }
        let file = closing ? table.remove(value, if: ownJob) : table.lookup(value, if: ownJob)
        if file == nil { refuse(service: service, call: call) }
        return file
    }

    private static func refuse(service: String, call: PluginCall?) {
        let plugin = call.map { "plugin \($0.pluginID)" } ?? "a plugin (on a thread it started)"
        let message =
            "\(plugin) passed \(service) a file handle that is finished, forged or another job's: refused"
        guard let call, let context = JobContext.from(OpaquePointer(bitPattern: call.job)) else {
            fallbackLogger.warning("\(message)", metadata: ["security_event": "invalid_handle"])
            return
        }
        context.logger.warning("\(message)", metadata: ["security_event": "invalid_handle"])
        _ = context.record(BOSS_ERR_INVALID_ARGUMENT, message)
    }
}
