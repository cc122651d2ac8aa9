/// The media types the host accepts, recognised by their leading bytes (never by file name).
public enum MediaType: String, Sendable, Codable, CaseIterable {
    case jpeg, png, gif, webp, mp4, mov, webm, mkv, mp3, m4a, aac, ogg

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

    /// Bytes the detector needs to decide for every type (Matroska's DocType can sit a little way in).
    public static let signatureLength = 64

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
        if starts(Array("ftyp".utf8), at: 4), bytes.count >= 12 {
            return isoMediaType(brand: Array(bytes[8..<12]))
        }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return matroskaType(bytes) }
        if starts(Array("ID3".utf8)) { return .mp3 }
        if bytes.count >= 2 && bytes[0] == 0xFF {
            if bytes[1] & 0xF6 == 0xF0 { return .aac }  // ADTS: sync, layer 00
            if bytes[1] & 0xE0 == 0xE0 && bytes[1] & 0x06 == 0x02 { return .mp3 }  // MPEG audio, layer III
        }
        return nil
    }

    private static func isoMediaType(brand: [UInt8]) -> MediaType {
        switch String(decoding: brand, as: UTF8.self) {
        case "qt  ": .mov
        case "M4A ", "M4B ", "M4P ": .m4a
        default: .mp4
        }
    }

    /// WebM and Matroska share the EBML header; the DocType element tells them apart.
    private static func matroskaType(_ bytes: [UInt8]) -> MediaType? {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("webm") { return .webm }
        if text.contains("matroska") { return .mkv }
        return nil
    }
}
