import BossNet
import PluginABI

/// One `http_get` call, copied out of the plugin's `boss_http_request`.
struct PluginHTTPCall {
    enum Method { case get, head }
    var url: String
    var method: Method
    var headers: [(name: String, value: String)]
    var maxBodyBytes: UInt64
    var onChunk: boss_chunk_fn?
    var chunkContext: UnsafeMutableRawPointer?
}

extension ExtractCall {
    /// `http_get`: performs the request under the host's network rules and streams a 2xx body to the
    /// plugin's callback; fills `response` (within its declared size) whatever the outcome.
    func perform(_ call: PluginHTTPCall, response: UnsafeMutablePointer<boss_http_response>?) -> boss_status {
        let limit = call.maxBodyBytes == 0 ? UInt64(limits.maxFileBytes) : call.maxBodyBytes
        var received: UInt64 = 0
        var lastHead: HTTPResponseHead?
        do {
            let request = HTTPRequest(
                url: call.url, method: call.method == .head ? .head : .get, headers: call.headers)
            let head = try http.perform(
                request, isCancelled: { [control] in control.isCancelled },
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
                    guard let onChunk = call.onChunk, let base = chunk.baseAddress, !chunk.isEmpty else {
                        return
                    }
                    let status = onChunk(
                        call.chunkContext, base.assumingMemoryBound(to: UInt8.self), chunk.count)
                    guard status == BOSS_OK else { throw HostServiceFailure(status: status) }
                })
            fill(response, from: head)
            let status = StatusMapping.status(httpStatus: head.status)
            return status == BOSS_OK ? status : record(status, "HTTP \(head.status) from \(head.finalURL)")
        } catch let failure as HostServiceFailure {
            fill(response, from: lastHead)
            return failure.status == BOSS_ERR_TOO_LARGE
                ? record(failure.status, "response body of \(call.url) is over \(limit) bytes")
                : failure.status
        } catch {
            fill(response, from: lastHead)
            return record(StatusMapping.status(for: error), "\(error)")
        }
    }

    private func fill(_ response: UnsafeMutablePointer<boss_http_response>?, from head: HTTPResponseHead?) {
        guard let response = PluginStruct(response) else { return }
        response.write(\.status, Int32(head?.status ?? 0))
        response.write(\.content_length, head?.contentLength ?? -1)
        if response.hasField(\.final_url) { response.write(\.final_url, head.map { keep($0.finalURL) }) }
        if response.hasField(\.content_type) {
            response.write(\.content_type, head?.contentType.map { keep($0) })
        }
    }
}
