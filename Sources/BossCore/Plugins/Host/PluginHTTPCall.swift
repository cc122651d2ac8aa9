import BossNet
import PluginABI

/// One `http_get` call: the plugin's `boss_http_request`, copied within its `struct_size` (fields past
/// it take their defaults from boss/http.h), performed under the host's network rules.
struct PluginHTTPCall {
    enum Method { case get, head }
    var url: String
    var method: Method
    var headers: [(name: String, value: String)]
    var maxBodyBytes: UInt64
    var onChunk: boss_chunk_fn?
    var chunkContext: UnsafeMutableRawPointer?

    /// The request's fields; nil (and a recorded cause) when it lacks `url` or a header could inject.
    init?(_ request: PluginStruct<boss_http_request>, in call: ExtractCall) {
        guard let url = request.read(\.url, default: nil) else {
            _ = call.record(
                BOSS_ERR_INVALID_ARGUMENT, "boss_http_request of \(request.size) bytes without url")
            return nil
        }
        guard let headers = HeaderLines(request.read(\.headers, default: nil)) else {
            _ = call.record(BOSS_ERR_INVALID_ARGUMENT, "header line with CR or LF refused")
            return nil
        }
        self.url = String(cString: url)
        method =
            request.read(\.method, default: BOSS_HTTP_GET.rawValue) == BOSS_HTTP_HEAD.rawValue ? .head : .get
        self.headers = headers.fields
        maxBodyBytes = request.read(\.max_body_bytes, default: 0)
        onChunk = request.read(\.on_chunk, default: nil)
        chunkContext = request.read(\.chunk_context, default: nil)
    }

    /// Performs the request and streams a 2xx body to the plugin's callback; fills `response` (within
    /// its declared size) whatever the outcome.
    func perform(in call: ExtractCall, response: PluginStruct<boss_http_response>?) -> boss_status {
        let limit = maxBodyBytes == 0 ? UInt64(call.limits.maxFileBytes) : maxBodyBytes
        var received: UInt64 = 0
        var lastHead: HTTPResponseHead?
        do {
            let request = HTTPRequest(url: url, method: method == .head ? .head : .get, headers: headers)
            let head = try call.http.perform(
                request, isCancelled: { [control = call.control] in control.isCancelled },
                onResponse: { head in
                    lastHead = head
                    guard (200..<300).contains(head.status) else { return false }
                    if let length = head.contentLength, length > 0, UInt64(length) > limit {
                        throw HostServiceFailure(status: BOSS_ERR_TOO_LARGE)
                    }
                    return true
                },
                onBody: { chunk in
                    received += UInt64(chunk.count)
                    guard received <= limit else { throw HostServiceFailure(status: BOSS_ERR_TOO_LARGE) }
                    guard let onChunk, let base = chunk.baseAddress, !chunk.isEmpty else { return }
                    let status = onChunk(chunkContext, base.assumingMemoryBound(to: UInt8.self), chunk.count)
                    guard status == BOSS_OK else { throw HostServiceFailure(status: status) }
                })
            Self.fill(response, from: head, in: call)
            let status = StatusMapping.status(httpStatus: head.status)
            return status == BOSS_OK
                ? status : call.record(status, "HTTP \(head.status) from \(head.finalURL)")
        } catch let failure as HostServiceFailure {
            Self.fill(response, from: lastHead, in: call)
            return failure.status == BOSS_ERR_TOO_LARGE
                ? call.record(failure.status, "response body of \(url) is over \(limit) bytes")
                : failure.status
        } catch {
            Self.fill(response, from: lastHead, in: call)
            return call.record(StatusMapping.status(for: error), "\(error)")
        }
    }

    /// Writes the response fields the plugin's struct holds; a shorter (older) one gets fewer.
    private static func fill(
        _ response: PluginStruct<boss_http_response>?, from head: HTTPResponseHead?, in call: ExtractCall
    ) {
        guard let response else { return }
        response.write(\.status, Int32(head?.status ?? 0))
        response.write(\.content_length, head?.contentLength ?? -1)
        if response.hasField(\.final_url) { response.write(\.final_url, head.map { call.keep($0.finalURL) }) }
        if response.hasField(\.content_type) {
            response.write(\.content_type, head?.contentType.map { call.keep($0) })
        }
    }
}
