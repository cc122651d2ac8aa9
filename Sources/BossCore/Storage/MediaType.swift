/// The media types the host accepts, recognised by their leading bytes (never by file name). HEIC and
/// AVIF are accepted as images: chat clients show or attach them, and they are never re-encoded.
public enum MediaType: String, Sendable, Codable, CaseIterable {
    case jpeg, png, gif, webp, heic, avif, mp4, mov, webm, mkv, mp3, m4a, aac, ogg

    /// The extension the host gives a file of this type.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        default: rawValue
        }
    }

    /// The MIME type, for uploads.
    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .heic: "image/heic"
        case .avif: "image/avif"
        case .mp4: "video/mp4"
        case .mov: "video/quicktime"
        case .webm: "video/webm"
        case .mkv: "video/x-matroska"
        case .mp3: "audio/mpeg"
        case .m4a: "audio/mp4"
        case .aac: "audio/aac"
        case .ogg: "audio/ogg"
        }
    }

    /// Whether the type is a video (re-encoding applies to these).
    public var isVideo: Bool { [.mp4, .mov, .webm, .mkv].contains(self) }

    /// Bytes the detector needs to decide for every type: an MP3's second frame header follows the
    /// first frame, up to 1441 bytes in (320 kb/s at 32 kHz, padded), and so does an ADTS frame's in
    /// practice (Matroska's DocType and the `ftyp` brands sit well before).
    public static let signatureLength = 2048

    /// The type of a file starting with `prefix`, or nil when it is not an allowed media type. With fewer
    /// than `signatureLength` bytes, a type is only returned when its whole signature is present.
    public static func detect(_ prefix: some Collection<UInt8>) -> MediaType? {
        let bytes = Array(prefix.prefix(signatureLength))
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + signature.count
                && Array(bytes[offset..<offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("OggS".utf8)) { return .ogg }
        if starts(Array("ftyp".utf8), at: 4) { return ISOBaseMediaBrand.mediaType(bytes) }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return matroskaType(bytes) }
        if isID3v2(bytes) || MPEGAudioHeader.startsStream(bytes) { return .mp3 }
        if ADTSHeader.startsStream(bytes) { return .aac }
        return nil
    }

    /// An ID3v2 tag header (id3.org, v2.2 to v2.4): "ID3", version 2…4, a revision, flags, and a size of
    /// four 7-bit bytes.
    private static func isID3v2(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 10 && bytes[0..<3].elementsEqual("ID3".utf8) && (2...4).contains(bytes[3])
            && bytes[4] != 0xFF && bytes[6..<10].allSatisfy { $0 < 0x80 }
    }

    /// WebM and Matroska share the EBML header; the DocType element tells them apart.
    private static func matroskaType(_ bytes: [UInt8]) -> MediaType? {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("webm") { return .webm }
        if text.contains("matroska") { return .mkv }
        return nil
    }
}
