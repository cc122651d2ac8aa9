/// libFuzzer entry for ELFPreflight: any bytes as a plugin file. Built by scripts/fuzz.sh with the
/// files named in sources.txt; a trap (overflow, out-of-bounds index) is a crash the fuzzer reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzELFPreflight(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    do {
        try ELFPreflight.check(bytes)
        precondition(bytes.count >= 64, "a file shorter than an ELF header passed")
    } catch {
        precondition(!error.description.isEmpty, "a refusal without a reason")
    }
    return 0
}
