import CCurl
import Foundation

/// A URL as libcurl itself parses it: so the host the guard checks is the host curl will connect to
/// (curl normalises odd IPv4 spellings such as `2130706433` or `0x7f.1` to `127.0.0.1`).
struct CurlURL {
    var scheme: String
    var host: String
    var port: Int
    var text: String

    init(_ url: String) throws(HTTPError) {
        guard let handle = curl_url() else { throw .invalidURL(url) }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, url, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK else {
            throw .invalidURL(url)
        }
        guard let scheme = Self.part(handle, CURLUPART_SCHEME)?.lowercased() else { throw .invalidURL(url) }
        guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(url) }
        guard let host = Self.part(handle, CURLUPART_HOST), !host.isEmpty,
            let port = Self.part(handle, CURLUPART_PORT, flags: UInt32(CURLU_DEFAULT_PORT)).flatMap(Int.init),
            let text = Self.part(handle, CURLUPART_URL)
        else { throw .invalidURL(url) }
        self.scheme = scheme
        self.host = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
        self.text = text
    }

    /// `location` (absolute or relative) resolved against `base`, as a browser would.
    static func resolve(_ location: String, against base: String) -> String? {
        guard let handle = curl_url() else { return nil }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, base, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK,
            curl_url_set(handle, CURLUPART_URL, location, UInt32(CURLU_NON_SUPPORT_SCHEME)) == CURLUE_OK
        else { return nil }
        return part(handle, CURLUPART_URL)
    }

    private static func part(_ handle: OpaquePointer, _ which: CURLUPart, flags: UInt32 = 0) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, which, &value, flags) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
