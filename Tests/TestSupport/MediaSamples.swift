/// The leading bytes by which the host tells media types apart (and refuses executables), defined once
/// for every test, with builders for files of a given size.
public enum MediaSamples {
    /// The PNG signature.
    public static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// A JPEG's start of image, then an APP0 marker.
    public static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
    /// `jpeg` with the APP0 segment's length and its JFIF identifier.
    public static let jfif: [UInt8] = jpeg + [0x00, 0x10] + Array("JFIF".utf8)
    /// GIF, version 89a.
    public static let gif89a: [UInt8] = Array("GIF89a".utf8)
    /// GIF, version 87a.
    public static let gif87a: [UInt8] = Array("GIF87a".utf8)
    /// A RIFF container holding a lossy WebP.
    public static let webp: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8)
    /// An MP4's `ftyp` box start with the `isom` brand.
    public static let mp4: [UInt8] = [0, 0, 0, 0x18] + Array("ftypisom".utf8)
    /// An MP4's `ftyp` box start with the `mp42` brand.
    public static let mp4v2: [UInt8] = [0, 0, 0, 0x20] + Array("ftypmp42".utf8)
    /// A QuickTime `ftyp` box start.
    public static let mov: [UInt8] = [0, 0, 0, 0x14] + Array("ftypqt  ".utf8)
    /// An MPEG-4 audio `ftyp` box start.
    public static let m4a: [UInt8] = [0, 0, 0, 0x20] + Array("ftypM4A ".utf8)
    /// An EBML header with the DocType `webm`.
    public static let webm: [UInt8] =
        [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84] + Array("webm".utf8)
    /// An EBML header with the DocType `matroska`.
    public static let mkv: [UInt8] =
        [0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88] + Array("matroska".utf8)
    /// An MP3 starting with an ID3v2.4 tag header.
    public static let mp3: [UInt8] = Array("ID3".utf8) + [4, 0, 0, 0, 0, 0x10, 0]
    /// An Ogg page header start.
    public static let ogg: [UInt8] = Array("OggS".utf8) + [0, 2]
    /// The ELF magic: an executable or library, never media.
    public static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46]
    /// The ELF identification of a 64-bit little-endian file, version 1, System V ABI.
    public static let elf64: [UInt8] = elf + [2, 1, 1, 0]

    /// `head`, then `count` filler bytes counting up modulo `modulus`, plus `seed`: a file of a chosen
    /// size whose bytes differ from another's with the same head.
    public static func file(_ head: [UInt8], filler count: Int, modulo modulus: Int, seed: UInt8 = 0)
        -> [UInt8]
    {
        head + (0..<count).map { UInt8($0 % modulus) &+ seed }
    }

    /// `head` padded with 0x11 to `size` bytes.
    public static func padded(_ head: [UInt8], to size: Int = 200) -> [UInt8] {
        head + [UInt8](repeating: 0x11, count: max(0, size - head.count))
    }

    /// The start of an ISO base media file: an `ftyp` box with these brands.
    public static func isoBMFF(_ major: String, compatible: [String]) -> [UInt8] {
        let body = Array(major.utf8) + [0, 0, 2, 0] + compatible.flatMap { Array($0.utf8) }
        return [0, 0, 0, UInt8(8 + body.count)] + Array("ftyp".utf8) + body
    }

    /// One MPEG audio layer III frame: `header`, then zeros up to the frame length its fields give.
    public static func mpegFrame(_ header: [UInt8]) -> [UInt8] {
        let mpeg1 = header[1] & 0x18 == 0x18
        let kbps: [Int] =
            mpeg1
            ? [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0]
            : [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0]
        let rates = [
            0x18: [44_100, 48_000, 32_000], 0x10: [22_050, 24_000, 16_000], 0x00: [11_025, 12_000, 8_000],
        ]
        let rate = rates[Int(header[1] & 0x18)]?[Int(header[2] >> 2 & 3) % 3] ?? 44_100
        let length = (mpeg1 ? 144 : 72) * kbps[Int(header[2] >> 4)] * 1000 / rate + Int(header[2] >> 1 & 1)
        return header + [UInt8](repeating: 0, count: max(0, length - header.count))
    }

    /// One ADTS (AAC) frame of `length` bytes, header included: MPEG-4, no CRC, LC profile, the sample
    /// rate index in bits 2-5 of `rates` (0x50: index 4, 44.1 kHz), two channels.
    public static func adtsFrame(length: Int, rates: UInt8 = 0x50) -> [UInt8] {
        let header: [UInt8] = [
            0xFF, 0xF1, rates, 0x80 | UInt8(length >> 11 & 3), UInt8(length >> 3 & 0xFF),
            UInt8((length & 7) << 5 | 0x1F), 0xFC,
        ]
        return header + [UInt8](repeating: 0, count: max(0, length - header.count))
    }
}
