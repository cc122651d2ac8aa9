/// libFuzzer entry for the media sink's type detector: any leading bytes of a download.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMediaType(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let type = MediaType.detect(bytes) {
        precondition(!type.mimeType.isEmpty && !type.fileExtension.isEmpty)
        // The detector decides on a prefix: more bytes after a full signature never change the answer.
        if bytes.count >= MediaType.signatureLength {
            precondition(MediaType.detect(bytes + [0]) == type, "a byte past the signature changed the type")
        }
    }
    return 0
}
