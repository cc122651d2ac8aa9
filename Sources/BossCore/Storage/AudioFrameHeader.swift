/// The header of one frame of a framed audio stream (MPEG audio, ADTS): what proves bytes are audio,
/// since a few sync bits alone occur in any payload.
protocol AudioFrameHeader {
    /// Bytes a header takes.
    static var size: Int { get }
    /// The header in the bytes at `offset`; nil when it is cut short or any field is invalid.
    init?(_ bytes: [UInt8], at offset: Int)
    /// Bytes from this header to the next one.
    var frameLength: Int { get }
    /// Whether `next` can follow this header in one stream (same version, sample rate…).
    func isFollowed(by next: Self) -> Bool
}

extension AudioFrameHeader {
    /// Whether `bytes` (a file's first `MediaType.signatureLength` bytes, or the whole file when shorter)
    /// start a stream: a valid header whose frame is followed by a matching header, an ID3v1 tag, or
    /// the end of a file of exactly one frame. A frame longer than the window can only be taken on
    /// its header.
    static func startsStream(_ bytes: [UInt8]) -> Bool {
        guard let first = Self(bytes, at: 0) else { return false }
        let next = first.frameLength
        if bytes.count == next { return true }
        if next + 3 <= bytes.count && bytes[next..<next + 3].elementsEqual("TAG".utf8) { return true }
        if next + size > bytes.count { return bytes.count >= MediaType.signatureLength }
        guard let second = Self(bytes, at: next) else { return false }
        return first.isFollowed(by: second)
    }
}
