import PluginABI

/// The host's table as a plugin instance sees it outside a job: the log, the settings, and which
/// services this host has. Valid from `create` until `destroy` returns.
public struct PluginHost: @unchecked Sendable {
    // @unchecked: the table is host-owned and unchanged while the instance lives; its `log` and
    // `config_get` may be called from any thread.
    /// The C table, for services PluginKit does not wrap.
    public let table: UnsafePointer<boss_host>

    /// The table the host passed to `create`.
    public init(_ table: UnsafePointer<boss_host>) { self.table = table }

    /// A line in the operator's log, tagged with the plugin's id.
    public func log(_ level: boss_log_level, _ message: String) { table.pointee.log(table, level, message) }

    /// The setting `key` (`BOSS_PLUGIN_<ID>_<KEY>`), or nil.
    public func config(_ key: String) -> String? {
        table.pointee.config_get(table, key).map { String(cString: $0) }
    }

    /// Whether this host's table reaches `field`: services appended to ABI 1 after the first hosts
    /// (`run_process`, `proxy_url`, `job_option`) lie outside an older host's `struct_size`.
    public func provides(_ field: PartialKeyPath<boss_host>) -> Bool {
        guard let offset = MemoryLayout<boss_host>.offset(of: field) else { return false }
        return Int(table.pointee.struct_size) >= offset + MemoryLayout<UnsafeRawPointer>.size
    }
}
