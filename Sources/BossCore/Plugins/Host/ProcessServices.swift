import PluginABI

/// The child-process services of the C table (boss/process.h): `run_process` and `proxy_url`.
enum ProcessServices {
    static func install(into table: inout boss_host) {
        table.run_process = { job, request, result in
            guard let call = ExtractCall.from(job), let request = PluginStruct(request) else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            guard let process = PluginProcessCall(request) else {
                return call.record(BOSS_ERR_INVALID_ARGUMENT, "run_process without argv")
            }
            let report = call.children.run(process)
            PluginStruct(result)?.write(\.exit_code, report.exitCode)
            if let detail = report.detail { call.setErrorDetail(detail) }
            // A refused address was logged and counted by the egress proxy already.
            let recorded = [BOSS_OK, BOSS_ERR_CANCELLED, BOSS_ERR_BLOCKED_ADDRESS].contains(report.status)
            return recorded ? report.status : call.record(report.status, "\(process.arguments[0]): \(report)")
        }
        table.proxy_url = { job in
            guard let call = ExtractCall.from(job), let url = call.children.proxyURL() else { return nil }
            return call.keep(url)
        }
    }
}
