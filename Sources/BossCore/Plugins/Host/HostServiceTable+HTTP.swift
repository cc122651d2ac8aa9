import PluginABI

extension HostServiceTable {
    static func installHTTPService(_ table: inout boss_host) {
        table.http_get = { job, request, response in
            guard let context = JobContext.from(job), let request,
                request.pointee.struct_size >= MemoryLayout<boss_http_request>.size,
                let url = request.pointee.url
            else { return BOSS_ERR_INVALID_ARGUMENT }
            guard let headers = HeaderLines(request.pointee.headers) else {
                return context.record(BOSS_ERR_INVALID_ARGUMENT, "header line with CR or LF refused")
            }
            let method: PluginHTTPCall.Method =
                request.pointee.method == BOSS_HTTP_HEAD.rawValue ? .head : .get
            let call = PluginHTTPCall(
                url: String(cString: url), method: method, headers: headers.fields,
                maxBodyBytes: request.pointee.max_body_bytes, onChunk: request.pointee.on_chunk,
                chunkContext: request.pointee.chunk_context)
            return context.perform(call, response: response)
        }
    }
}
