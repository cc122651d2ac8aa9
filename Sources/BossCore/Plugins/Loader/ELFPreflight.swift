import Foundation

/// Checks a library's ELF structure before `dlopen`. The dynamic loader maps segments straight from the
/// file: a truncated file (a copy cut short) makes it fault with SIGBUS and take the host down, so
/// every segment and table must lie inside the file before the loader sees it.
enum ELFPreflight {
    static func check(_ path: String) throws(PluginLoadError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .notLoadable(reason: "cannot open file")
        }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        guard size >= 64, (try? handle.seek(toOffset: 0)) != nil,
            let header = try? handle.read(upToCount: 64),
            header.count == 64
        else { throw .notLoadable(reason: "file too short for an ELF header") }
        let bytes = [UInt8](header)
        guard bytes[0..<4] == [0x7F, 0x45, 0x4C, 0x46] else {
            throw .notLoadable(reason: "invalid ELF header")
        }
        guard bytes[4] == 2, bytes[5] == 1 else {
            throw .notLoadable(reason: "not a 64-bit little-endian ELF file")
        }
        let programOffset = read64(bytes, 32)
        let sectionOffset = read64(bytes, 40)
        let programEntrySize = UInt64(read16(bytes, 54))
        let programCount = UInt64(read16(bytes, 56))
        let sectionEntrySize = UInt64(read16(bytes, 58))
        let sectionCount = UInt64(read16(bytes, 60))
        guard programOffset + programEntrySize * programCount <= size,
            sectionOffset + sectionEntrySize * sectionCount <= size, programEntrySize >= 56
        else { throw .notLoadable(reason: "truncated ELF file (\(size) bytes): tables lie past its end") }
        try? handle.seek(toOffset: programOffset)
        guard let table = try? handle.read(upToCount: Int(programEntrySize * programCount)) else {
            throw .notLoadable(reason: "cannot read program headers")
        }
        let entries = [UInt8](table)
        for index in 0..<Int(programCount) {
            let base = index * Int(programEntrySize)
            let fileOffset = read64(entries, base + 8)
            let fileSize = read64(entries, base + 32)
            guard fileOffset + fileSize <= size else {
                throw .notLoadable(
                    reason: "truncated ELF file (\(size) bytes): segment \(index) lies past its end")
            }
        }
    }

    private static func read16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func read64(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}
