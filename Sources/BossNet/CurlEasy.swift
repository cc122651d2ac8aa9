import CCurl
import Foundation

/// Configures and runs one libcurl easy handle for one hop of a request.
enum CurlEasy {
    static let globalInit: Void = { curl_global_init(3) }()  // CURL_GLOBAL_ALL; before any thread uses curl

    static func run(
        _ request: HTTPRequest, url: CurlURL, pin: String?, policy: NetworkPolicy, transfer: CurlTransfer,
        pool: CurlHandlePool?
    ) throws(HTTPError) {
        _ = globalInit
        let reusable = pin == nil ? pool : nil
        guard let curl = reusable?.checkOut() ?? curl_easy_init() else {
            throw .transport(code: -1, message: "curl_easy_init failed")
        }
        defer {
            if let reusable { reusable.checkIn(curl) } else { curl_easy_cleanup(curl) }
        }
        var lists: [UnsafeMutablePointer<curl_slist>?] = []
        defer {
            for list in lists { curl_slist_free_all(list) }
        }
        boss_curl_set_string(curl, CURLOPT_URL, url.text)
        boss_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https")
        boss_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
        // No proxy from the environment (http_proxy...): it would resolve hosts itself, past the pinning.
        boss_curl_set_string(curl, CURLOPT_PROXY, "")
        boss_curl_set_long(curl, CURLOPT_FOLLOWLOCATION, 0)
        // 256 KiB reads: a sixteenth of the callbacks and write(2) calls of curl's 16 KiB default.
        boss_curl_set_long(curl, CURLOPT_BUFFERSIZE, 256 * 1024)
        boss_curl_set_string(curl, CURLOPT_USERAGENT, policy.userAgent)
        boss_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT_MS, policy.connectTimeout.milliseconds)
        boss_curl_set_long(curl, CURLOPT_LOW_SPEED_LIMIT, policy.lowSpeedLimit)
        boss_curl_set_long(curl, CURLOPT_LOW_SPEED_TIME, max(1, Int(policy.lowSpeedTime.components.seconds)))
        if let total = request.timeout ?? policy.totalTimeout {
            boss_curl_set_long(curl, CURLOPT_TIMEOUT_MS, total.milliseconds)
        }
        if let pin {
            lists.append(curl_slist_append(nil, pin))
            boss_curl_set_slist(curl, CURLOPT_RESOLVE, lists.last!)
        }
        var headerList: UnsafeMutablePointer<curl_slist>?
        // No `Expect: 100-continue` round trip before an upload: the servers we post to never refuse one.
        if request.multipart != nil { headerList = curl_slist_append(headerList, "Expect:") }
        for (name, value) in request.headers {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        lists.append(headerList)
        boss_curl_set_slist(curl, CURLOPT_HTTPHEADER, headerList)
        switch request.method {
        case .get: break
        case .head: boss_curl_set_long(curl, CURLOPT_NOBODY, 1)
        default: boss_curl_set_string(curl, CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        CurlCallbacks.install(curl, context: context)
        let code: CURLcode = CurlRequestBody.attach(request, curl) { curl_easy_perform(curl) }
        var connects = 0
        boss_curl_get_long(curl, CURLINFO_NUM_CONNECTS, &connects)
        transfer.noteConnectionReused(connects == 0)
        if transfer.consumerError != nil { return }  // the caller rethrows the consumer's own error
        if transfer.outcome != nil && (code == CURLE_OK || code == CURLE_WRITE_ERROR) { return }
        throw map(code, url: url.text)
    }

    static func map(_ code: CURLcode, url: String) -> HTTPError {
        let message = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return .timedOut(url: url)
        case CURLE_ABORTED_BY_CALLBACK: return .cancelled
        case CURLE_COULDNT_RESOLVE_HOST: return .unresolvableHost(host: url, reason: message)
        case CURLE_COULDNT_CONNECT, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION,
            CURLE_GOT_NOTHING,
            CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            return .connectionFailed(url: url, reason: message)
        default: return .transport(code: Int(code.rawValue), message: message)
        }
    }
}
