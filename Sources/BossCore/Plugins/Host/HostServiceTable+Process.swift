import PluginABI

extension HostServiceTable {
    static func installProcessServices(_ table: inout boss_host) {
        table.run_process = { job, request, result in
            guard let context = ExtractCall.from(job), let request = PluginStruct(request) else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            guard let call = PluginProcessCall(request) else {
                return context.record(BOSS_ERR_INVALID_ARGUMENT, "run_process without argv")
            }
            let report = context.children.run(call)
            PluginStruct(result)?.write(\.exit_code, report.exitCode)
            if let detail = report.detail { context.setErrorDetail(detail) }
            // A refused address was logged and counted by the egress proxy already.
            let recorded = [BOSS_OK, BOSS_ERR_CANCELLED, BOSS_ERR_BLOCKED_ADDRESS].contains(report.status)
            return recorded ? report.status : context.record(report.status, "\(call.arguments[0]): \(report)")
        }
        table.proxy_url = { job in
            guard let context = ExtractCall.from(job), let url = context.children.proxyURL() else {
                return nil
            }
            return context.keep(url)
        }
    }
}
