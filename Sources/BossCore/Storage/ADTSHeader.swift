/// An ADTS frame header (ISO/IEC 13818-7 and 14496-3): how raw AAC (`.aac`) is framed.
struct ADTSHeader: AudioFrameHeader {
    static let size = 7

    let sampleRateIndex: UInt8
    let frameLength: Int

    /// The header at `offset`; nil unless the 12 sync bits, layer 0, a sample rate index below 13
    /// (13 and 14 are reserved, 15 means an explicit rate, which ADTS cannot carry) and a frame length
    /// covering at least the header (9 bytes with a CRC) are there.
    init?(_ bytes: [UInt8], at offset: Int = 0) {
        guard offset >= 0, offset + Self.size <= bytes.count, bytes[offset] == 0xFF,
            bytes[offset + 1] & 0xF6 == 0xF0
        else { return nil }
        let hasCRC = bytes[offset + 1] & 0x01 == 0
        sampleRateIndex = bytes[offset + 2] >> 2 & 0x0F
        frameLength =
            Int(bytes[offset + 3] & 0x03) << 11 | Int(bytes[offset + 4]) << 3 | Int(bytes[offset + 5] >> 5)
        guard sampleRateIndex < 13, frameLength >= (hasCRC ? 9 : 7) else { return nil }
    }

    func isFollowed(by next: ADTSHeader) -> Bool { next.sampleRateIndex == sampleRateIndex }
}
