import PluginABI

/// The sink and network services of the C table (boss/host.h, boss/job.h, boss/http.h): `file_begin`,
/// `file_write`, `file_end`, `file_abort`, `file_adopt`, `fetch_to_file` and `http_get`.
/// Plugin-allocated requests and responses are read and written only within their `struct_size`
/// (`PluginStruct`).
enum SinkServices {
    static func install(into table: inout boss_host) {
        table.file_begin = { job, name, expectedSize, out in
            guard let call = ExtractCall.from(job), let out else { return BOSS_ERR_INVALID_ARGUMENT }
            let (status, file) = call.files.begin(
                suggestedName: name.map { String(cString: $0) },
                expectedSize: expectedSize < 0 ? nil : expectedSize,
                in: call)
            out.pointee = file.flatMap { PluginHandles.pointer($0.handle) }
            return status
        }
        table.file_write = { handle, bytes, length in
            guard let file = PluginHandles.file(handle, for: "file_write", closing: false),
                let call = file.call
            else { return BOSS_ERR_INVALID_ARGUMENT }
            guard length > 0 else { return BOSS_OK }
            guard let bytes else { return BOSS_ERR_INVALID_ARGUMENT }
            return call.files.write(file, UnsafeRawBufferPointer(start: bytes, count: length), in: call)
        }
        table.file_end = { handle in
            guard let file = PluginHandles.file(handle, for: "file_end", closing: true), let call = file.call
            else { return BOSS_ERR_INVALID_ARGUMENT }
            return call.files.end(file, in: call)
        }
        table.file_abort = { handle in
            guard let file = PluginHandles.file(handle, for: "file_abort", closing: true) else { return }
            file.call?.files.abort(file)
        }
        table.file_adopt = { job, path, name in
            guard let call = ExtractCall.from(job), let path else { return BOSS_ERR_INVALID_ARGUMENT }
            return AdoptFile(path: String(cString: path), suggestedName: name.map { String(cString: $0) })
                .perform(in: call)
        }
        table.fetch_to_file = { job, url, headers, name in
            guard let call = ExtractCall.from(job), let url else { return BOSS_ERR_INVALID_ARGUMENT }
            guard let lines = HeaderLines(headers) else {
                return call.record(BOSS_ERR_INVALID_ARGUMENT, "header line with CR or LF refused")
            }
            let fetch = FetchToFile(
                url: String(cString: url), headers: lines.fields,
                suggestedName: name.map { String(cString: $0) })
            return fetch.perform(in: call)
        }
        table.http_get = { job, request, response in
            guard let call = ExtractCall.from(job), let request = PluginStruct(request) else {
                return BOSS_ERR_INVALID_ARGUMENT
            }
            guard let http = PluginHTTPCall(request, in: call) else { return BOSS_ERR_INVALID_ARGUMENT }
            return http.perform(in: call, response: PluginStruct(response))
        }
    }
}
