import CCurl

/// A request's body on a curl handle: plain bytes, or multipart parts read from memory and disk.
enum CurlRequestBody {
    /// Attaches the request's body (plain bytes or multipart) for the duration of `perform`.
    static func attach(_ request: HTTPRequest, _ curl: UnsafeMutableRawPointer, _ perform: () -> CURLcode)
        -> CURLcode
    {
        if let parts = request.multipart { return withMultipart(parts, curl, perform) }
        guard let body = request.body else { return perform() }
        return body.withUnsafeBufferPointer { buffer in
            boss_curl_set_off_t(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(buffer.count))
            boss_curl_set_pointer(
                curl, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
            return perform()
        }
    }

    /// curl's MIME API copies in-memory parts and reads file parts from disk while sending.
    private static func withMultipart(
        _ parts: [MultipartPart], _ curl: UnsafeMutableRawPointer, _ perform: () -> CURLcode
    ) -> CURLcode {
        guard let mime = curl_mime_init(curl) else { return CURLE_OUT_OF_MEMORY }
        defer { curl_mime_free(mime) }
        for part in parts {
            guard let handle = curl_mime_addpart(mime) else { return CURLE_OUT_OF_MEMORY }
            curl_mime_name(handle, part.name)
            let added: CURLcode
            switch part.content {
            case .bytes(let bytes):
                added = bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        curl_mime_data(handle, $0.baseAddress, buffer.count)
                    }
                }
            case .file(let path):
                added = curl_mime_filedata(handle, path)
            }
            guard added == CURLE_OK else { return added }
            if let filename = part.filename { curl_mime_filename(handle, filename) }
            if let type = part.contentType { curl_mime_type(handle, type) }
        }
        boss_curl_set_pointer(curl, CURLOPT_MIMEPOST, UnsafeMutableRawPointer(mime))
        return perform()
    }
}
