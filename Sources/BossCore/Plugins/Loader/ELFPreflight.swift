import Foundation

/// Checks a library's ELF structure before `dlopen`. The dynamic loader maps segments straight from the
/// file: a truncated file (a copy cut short) makes it fault with SIGBUS and take the host down, so
/// every segment and table must lie inside the file before the loader sees it. The offsets come from
/// the file: all arithmetic on them is checked (a junk `e_phoff` near 2^64 must be an error, not a trap).
enum ELFPreflight {
    /// Checks the library file at `path` (the ABI harness's probe reads it here).
    static func check(_ path: String) throws(PluginLoadError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .notLoadable(reason: "cannot open file")
        }
        try check([UInt8](data))
    }

    /// Checks the whole content of a library file.
    static func check(_ bytes: [UInt8]) throws(PluginLoadError) {
        guard bytes.count >= 64 else { throw .notLoadable(reason: "file too short for an ELF header") }
        guard bytes[0..<4] == [0x7F, 0x45, 0x4C, 0x46] else {
            throw .notLoadable(reason: "invalid ELF header")
        }
        guard bytes[4] == 2, bytes[5] == 1 else {
            throw .notLoadable(reason: "not a 64-bit little-endian ELF file")
        }
        let size = UInt64(bytes.count)
        let programEntrySize = UInt64(read16(bytes, 54))
        let programCount = UInt64(read16(bytes, 56))
        guard programEntrySize >= 56 || programCount == 0 else {
            throw .notLoadable(
                reason: "program header entries of \(programEntrySize) bytes (64-bit ELF needs 56)")
        }
        guard
            let programs = span(offset: read64(bytes, 32), entrySize: programEntrySize, count: programCount),
            programs.end <= size,
            let sections = span(
                offset: read64(bytes, 40), entrySize: UInt64(read16(bytes, 58)),
                count: UInt64(read16(bytes, 60))),
            sections.end <= size
        else { throw .notLoadable(reason: "truncated ELF file (\(size) bytes): tables lie past its end") }
        for index in 0..<Int(programCount) {
            // In bounds: the table lies inside the file, and each entry has at least 56 bytes.
            let base = Int(programs.start) + index * Int(programEntrySize)
            let fileOffset = read64(bytes, base + 8)
            let fileSize = read64(bytes, base + 32)
            let (end, overflow) = fileOffset.addingReportingOverflow(fileSize)
            guard !overflow, end <= size else {
                throw .notLoadable(
                    reason: "truncated ELF file (\(size) bytes): segment \(index) lies past its end")
            }
        }
    }

    /// `offset ..< offset + entrySize * count`, or nil when it does not fit in 64 bits.
    private static func span(offset: UInt64, entrySize: UInt64, count: UInt64) -> (
        start: UInt64, end: UInt64
    )? {
        let (length, productOverflow) = entrySize.multipliedReportingOverflow(by: count)
        let (end, sumOverflow) = offset.addingReportingOverflow(length)
        return productOverflow || sumOverflow ? nil : (offset, end)
    }

    private static func read16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func read64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}
