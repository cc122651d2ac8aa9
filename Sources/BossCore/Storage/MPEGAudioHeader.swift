/// An MPEG audio layer III frame header (ISO/IEC 11172-3 and 13818-3, and the MPEG 2.5 extension):
/// the detector's proof that bytes are an `.mp3`, since the 11 sync bits alone occur in any payload.
struct MPEGAudioHeader: AudioFrameHeader {
    /// MPEG-1, MPEG-2 (half sample rates) or MPEG 2.5 (quarter sample rates).
    enum Version: Equatable { case mpeg1, mpeg2, mpeg25 }

    static let size = 4

    let version: Version
    let sampleRate: Int
    /// Bytes from this header to the next one.
    let frameLength: Int

    /// The header in the 4 bytes at `offset`; nil unless the sync, version, layer (III), bitrate index
    /// (not free format 0, not the invalid 15) and sample rate index (not the reserved 3) are valid.
    init?(_ bytes: [UInt8], at offset: Int = 0) {
        guard offset >= 0, offset + Self.size <= bytes.count, bytes[offset] == 0xFF else { return nil }
        let (flags, rates) = (bytes[offset + 1], bytes[offset + 2])
        guard flags & 0xE0 == 0xE0, flags & 0x06 == 0x02 else { return nil }  // sync, layer III
        switch flags >> 3 & 3 {
        case 3: version = .mpeg1
        case 2: version = .mpeg2
        case 0: version = .mpeg25
        default: return nil  // reserved
        }
        let bitrateIndex = Int(rates >> 4)
        let rateIndex = Int(rates >> 2 & 3)
        guard bitrateIndex != 0, bitrateIndex != 15, rateIndex != 3 else { return nil }
        let mpeg1 = version == .mpeg1
        let kilobits = (mpeg1 ? Self.mpeg1Kilobits : Self.mpeg2Kilobits)[bitrateIndex]
        let divisor = mpeg1 ? 1 : version == .mpeg2 ? 2 : 4
        sampleRate = [44_100, 48_000, 32_000][rateIndex] / divisor
        frameLength = (mpeg1 ? 144 : 72) * kilobits * 1000 / sampleRate + Int(rates >> 1 & 1)
    }

    func isFollowed(by next: MPEGAudioHeader) -> Bool {
        next.version == version && next.sampleRate == sampleRate
    }

    private static let mpeg1Kilobits = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0]
    private static let mpeg2Kilobits = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0]
}
