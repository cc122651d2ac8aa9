import PluginABI

/// The host's services for one job, wrapped for Swift callers. Valid only during `extract`.
/// (Shared as source, symlinked into each plugin: plugins never share a Swift library, so every
/// plugin compiles its own copy into its own module.)
struct JobHost {
    let host: UnsafePointer<boss_host>
    let job: OpaquePointer

    /// What `http_get` reported.
    struct Response {
        var status: boss_status
        var httpStatus: Int32
        var contentLength: Int64
        var finalURL: String?
    }

    var isCancelled: Bool { host.pointee.is_cancelled(job) != 0 }

    func log(_ level: boss_log_level, _ message: String) { host.pointee.log(host, level, message) }

    func config(_ key: String) -> String? {
        host.pointee.config_get(host, key).map { String(cString: $0) }
    }

    func setMetadata(_ key: String, _ value: String) { _ = host.pointee.set_metadata(job, key, value) }

    /// Records `detail` for the user and passes `status` through, so failures read as one line.
    func fail(_ status: boss_status, _ detail: String) -> boss_status {
        _ = host.pointee.set_error_detail(job, detail)
        return status
    }

    func fetchToFile(_ url: String, name: String?) -> boss_status {
        host.pointee.fetch_to_file(job, url, nil, name)
    }

    func redirect(_ url: String) -> boss_status { host.pointee.redirect(job, url) }

    /// GETs `url` into memory; bodies over `limit` fail with TOO_LARGE (API answers are small).
    func get(_ url: String, limit: UInt64 = 8 << 20) -> (Response, [UInt8]) {
        var body: [UInt8] = []
        let response = request(url, method: BOSS_HTTP_GET, limit: limit) { chunk in
            body.append(contentsOf: chunk)
            return true
        }
        return (response, body)
    }

    /// A HEAD probe: whether `url` exists, its size and where it redirects to.
    func head(_ url: String) -> Response { request(url, method: BOSS_HTTP_HEAD, limit: 0, receive: nil) }

    /// Performs one request; `receive` gets the body in chunks and returns false to stop it.
    func request(
        _ url: String, method: boss_http_method, limit: UInt64,
        receive: ((UnsafeBufferPointer<UInt8>) -> Bool)?
    ) -> Response {
        let receiver = receive.map(ChunkReceiver.init)
        var response = boss_http_response()
        response.struct_size = UInt32(MemoryLayout<boss_http_response>.size)
        response.content_length = -1
        let status = url.withCString { cURL in
            var request = boss_http_request()
            request.struct_size = UInt32(MemoryLayout<boss_http_request>.size)
            request.url = cURL
            request.method = method.rawValue
            request.max_body_bytes = limit
            if let receiver {
                request.on_chunk = { context, bytes, length in
                    guard let context else { return BOSS_ERR_INTERNAL }
                    let receiver = Unmanaged<ChunkReceiver>.fromOpaque(context).takeUnretainedValue()
                    let chunk = UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : length)
                    return receiver.receive(chunk) ? BOSS_OK : BOSS_ERR_INTERNAL
                }
                request.chunk_context = Unmanaged.passUnretained(receiver).toOpaque()
            }
            return withExtendedLifetime(receiver) { host.pointee.http_get(job, &request, &response) }
        }
        return Response(
            status: status, httpStatus: response.status, contentLength: response.content_length,
            finalURL: response.final_url.map { String(cString: $0) })
    }
}

/// Carries a Swift closure through the C callback's context pointer.
private final class ChunkReceiver {
    let receive: (UnsafeBufferPointer<UInt8>) -> Bool
    init(_ receive: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) { self.receive = receive }
}
