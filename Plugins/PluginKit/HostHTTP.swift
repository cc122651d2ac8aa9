import PluginABI

/// One `http_get` through the host, which applies its network rules to every hop.
public struct HostHTTP {
    private let host: UnsafePointer<boss_host>
    private let job: OpaquePointer

    /// What `http_get` reported.
    public struct Response {
        /// `BOSS_OK` for a 2xx, else the host's status (`BOSS_ERR_NOT_FOUND` for 404/410...).
        public var status: boss_status
        /// The HTTP status, 0 when no answer came.
        public var httpStatus: Int32
        /// The body's announced length, -1 when unknown.
        public var contentLength: Int64
        /// The URL after redirects.
        public var finalURL: String?
    }

    init(host: UnsafePointer<boss_host>, job: OpaquePointer) {
        self.host = host
        self.job = job
    }

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
