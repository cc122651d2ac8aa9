import CCurl
import Foundation

/// curl's header, body and progress callbacks, leading to a `CurlTransfer`.
enum CurlCallbacks {
    /// Wires curl's header, body and progress callbacks to the transfer behind `context`. Each callback
    /// captures nothing: the context pointer is the only way back to Swift state.
    static func install(_ curl: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer) {
        boss_curl_set_data_function(curl, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            return transfer.header(String(decoding: bytes, as: UTF8.self)) ? size * count : 0
        }
        boss_curl_set_pointer(curl, CURLOPT_HEADERDATA, context)
        boss_curl_set_data_function(curl, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            return transfer.body(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
        }
        boss_curl_set_pointer(curl, CURLOPT_WRITEDATA, context)
        boss_curl_set_xferinfo_function(curl) { context, _, _, _, _ in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().isCancelled() ? 1 : 0
        }
        boss_curl_set_pointer(curl, CURLOPT_XFERINFODATA, context)
        boss_curl_set_long(curl, CURLOPT_NOPROGRESS, 0)
    }
}
