/// The media type of an ISO base media file (MP4, QuickTime, M4A, HEIF, AVIF…) by the brands of its
/// `ftyp` box: the major brand, then the compatible ones, the first known brand deciding. HEIF and AVIF
/// share the container with MP4 but are still images: they must never reach ffmpeg as video.
enum ISOBaseMediaBrand {
    /// The type of the file starting with `bytes` (an `ftyp` box at 0), or nil when no brand is known.
    static func mediaType(_ bytes: [UInt8]) -> MediaType? {
        let brands = self.brands(bytes)
        for brand in brands {
            if let type = known[brand] { return type }
            // Generic HEIF structure brands: the codec brand beside them tells AVIF from HEIC.
            if heifStructure.contains(brand) {
                return brands.contains { known[$0] == .avif } ? .avif : .heic
            }
        }
        return nil
    }

    /// The major brand (bytes 8…11) and the compatible brands (from 16 to the box's end), as text.
    private static func brands(_ bytes: [UInt8]) -> [String] {
        guard bytes.count >= 12 else { return [] }
        let declared = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        // Size 0 means "to the end of the file"; 1 a 64-bit size, never needed for an ftyp box.
        let end = declared < 16 ? bytes.count : min(declared, bytes.count)
        let starts = [8] + Array(stride(from: 16, through: end - 4, by: 4))
        return starts.map { String(decoding: bytes[$0..<$0 + 4], as: UTF8.self) }
    }

    private static let heifStructure: Set = ["mif1", "mif2", "msf1", "miaf"]

    private static let known: [String: MediaType] = {
        var table: [String: MediaType] = [
            "qt  ": .mov, "M4A ": .m4a, "M4B ": .m4a, "M4P ": .m4a, "F4A ": .m4a,
        ]
        for brand in ["avif", "avis"] { table[brand] = .avif }
        for brand in ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"] { table[brand] = .heic }
        for brand in videoBrands { table[brand] = .mp4 }
        return table
    }()

    /// MP4 and its relatives (ISO, 3GPP, DASH/CMAF, Flash, camera makers' brands) that ffmpeg reads as video.
    private static let videoBrands = [
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71",
        "avc1",
        "av01", "dash", "msdh", "msix", "cmfc", "cmf2", "M4V ", "M4VH", "M4VP", "mmp4", "3gp4", "3gp5",
        "3gp6",
        "3gp7", "3gp8", "3gp9", "3gs6", "3gs7", "3ge6", "3ge7", "3gg6", "3g2a", "3g2b", "3g2c", "f4v ",
        "f4p ",
        "XAVC", "MSNV", "CAEP", "dby1", "NDAS",
    ]
}
