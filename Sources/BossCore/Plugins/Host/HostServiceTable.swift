import Logging
import PluginABI

/// What this host added inside ABI 1 (boss/features.h), as `has_feature` answers.
enum HostFeatures {
    static let offered: Set<String> = [
        BOSS_FEATURE_NOTE, BOSS_FEATURE_RUN_PROCESS, BOSS_FEATURE_PROXY_URL, BOSS_FEATURE_JOB_OPTION,
    ]
}

/// The C function table of host services. Every entry is a capture-free closure that finds its Swift
/// state through an explicit context pointer: `boss_host.host_data` for plugin-scoped services, the
/// opaque `boss_job*` for job-scoped ones, the opaque `boss_file*` for sink files.
enum HostServiceTable {
    static func make(name: UnsafePointer<CChar>, version: UnsafePointer<CChar>) -> boss_host {
        var table = boss_host()
        table.struct_size = UInt32(MemoryLayout<boss_host>.size)
        table.abi_version = BOSS_PLUGIN_ABI_VERSION
        table.name = name
        table.version = version
        table.log = { host, level, message in
            guard let state = PluginHost.from(host), let message else { return }
            state.logger.log(level: Logger.Level(pluginLevel: level), "\(String(cString: message))")
        }
        table.config_get = { host, key in
            guard let state = PluginHost.from(host), let key else { return nil }
            return state.configValue(String(cString: key))
        }
        table.has_feature = { _, id in
            id.map { HostFeatures.offered.contains(String(cString: $0)) } ?? false
        }
        installJobServices(&table)
        installHTTPService(&table)
        installSinkServices(&table)
        installProcessServices(&table)
        return table
    }

    private static func installJobServices(_ table: inout boss_host) {
        table.job_flags = { job in ExtractCall.from(job)?.isDryRun == true ? BOSS_JOB_DRY_RUN : 0 }
        table.is_cancelled = { job in ExtractCall.from(job)?.control.isCancelled == false ? 0 : 1 }
        table.progress = { job, done, total in ExtractCall.from(job)?.reportProgress(done: done, total: total)
        }
        table.set_metadata = { job, key, value in
            guard let context = ExtractCall.from(job), let key, let value else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            return context.setMetadata(key: String(cString: key), value: String(cString: value))
        }
        table.set_error_detail = { job, message in
            guard let context = ExtractCall.from(job), let message else { return BOSS_ERR_INVALID_ARGUMENT }
            context.setErrorDetail(String(cString: message))
            return BOSS_OK
        }
        table.work_dir = { job in ExtractCall.from(job)?.workDirectoryCString }
        table.job_option = { job, key in
            guard let context = ExtractCall.from(job), let key,
                let value = context.options.value(for: String(cString: key))
            else { return nil }
            return context.keep(value)
        }
        table.redirect = { job, url in
            guard let context = ExtractCall.from(job), let url else { return BOSS_ERR_INVALID_ARGUMENT }
            return context.requestRedirect(to: String(cString: url))
        }
    }
}

extension Logger.Level {
    /// Maps a plugin's log level; unknown values are logged as warnings rather than dropped.
    init(pluginLevel level: boss_log_level) {
        switch level {
        case BOSS_LOG_TRACE: self = .trace
        case BOSS_LOG_DEBUG: self = .debug
        case BOSS_LOG_INFO: self = .info
        case BOSS_LOG_ERROR: self = .error
        default: self = .warning
        }
    }
}
