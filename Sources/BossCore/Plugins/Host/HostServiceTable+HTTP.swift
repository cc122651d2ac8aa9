import PluginABI

extension HostServiceTable {
    static func installHTTPService(_ table: inout boss_host) {
        table.http_get = { job, request, response in
            guard let context = ExtractCall.from(job), let request = PluginStruct(request) else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            guard let url = request.read(\.url, default: nil) else {
                return context.record(BOSS_ERR_INVALID_ARGUMENT, "boss_http_request without url")
            }
            guard let headers = HeaderLines(request.read(\.headers, default: nil)) else {
                return context.record(BOSS_ERR_INVALID_ARGUMENT, "header line with CR or LF refused")
            }
            let method: PluginHTTPCall.Method =
                request.read(\.method, default: BOSS_HTTP_GET.rawValue) == BOSS_HTTP_HEAD.rawValue
                ? .head : .get
            let call = PluginHTTPCall(
                url: String(cString: url), method: method, headers: headers.fields,
                maxBodyBytes: request.read(\.max_body_bytes, default: 0),
                onChunk: request.read(\.on_chunk, default: nil),
                chunkContext: request.read(\.chunk_context, default: nil))
            return context.perform(call, response: response)
        }
    }
}
