import PluginABI

/// The job services of the C table (boss/host.h): flags, cancellation, progress, metadata, error
/// detail, work folder, job options and redirect. Each closure captures nothing and finds its call
/// through the `boss_job*` handle.
enum JobServices {
    static func install(into table: inout boss_host) {
        table.job_flags = { job in ExtractCall.from(job)?.isDryRun == true ? BOSS_JOB_DRY_RUN : 0 }
        table.is_cancelled = { job in ExtractCall.from(job)?.control.isCancelled == false ? 0 : 1 }
        table.progress = { job, done, total in
            guard let call = ExtractCall.from(job) else { return }
            call.files.reportProgress(done: done, total: total, control: call.control)
        }
        table.set_metadata = { job, key, value in
            guard let call = ExtractCall.from(job), let key, let value else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            return call.setMetadata(key: String(cString: key), value: String(cString: value))
        }
        table.set_error_detail = { job, message in
            guard let call = ExtractCall.from(job), let message else { return BOSS_ERR_INVALID_ARGUMENT }
            call.setErrorDetail(String(cString: message))
            return BOSS_OK
        }
        table.work_dir = { job in ExtractCall.from(job)?.workDirectory }
        table.job_option = { job, key in
            guard let call = ExtractCall.from(job), let key,
                let value = call.options.value(for: String(cString: key))
            else { return nil }
            return call.keep(value)
        }
        table.redirect = { job, url in
            guard let call = ExtractCall.from(job), let url else { return BOSS_ERR_INVALID_ARGUMENT }
            return call.requestRedirect(to: String(cString: url))
        }
    }
}
