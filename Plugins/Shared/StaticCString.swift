/// C strings and string arrays that live as long as the library: the descriptor points at them.
/// (Shared as source, symlinked into each plugin: plugins never share a Swift library, so every
/// plugin compiles its own copy into its own module.)
enum StaticCString {
    static func make(_ string: String) -> UnsafePointer<CChar> {
        let bytes = Array(string.utf8CString)
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        return UnsafePointer(storage)
    }

    /// A NULL-terminated array, as the ABI's pattern and example lists are.
    static func array(_ strings: [String]) -> UnsafePointer<UnsafePointer<CChar>?> {
        let storage = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { (storage + index).initialize(to: make(string)) }
        (storage + strings.count).initialize(to: nil)
        return UnsafePointer(storage)
    }
}
