/// C strings and string arrays that live as long as the library: the descriptor points at them.
public enum StaticCString {
    /// A copy of `string` that is never freed.
    public static func make(_ string: String) -> UnsafePointer<CChar> { UnsafePointer(copy(string)) }

    /// A NULL-terminated array that is never freed, as the ABI's pattern and example lists are.
    public static func array(_ strings: [String]) -> UnsafePointer<UnsafePointer<CChar>?> {
        let storage = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { (storage + index).initialize(to: make(string)) }
        (storage + strings.count).initialize(to: nil)
        return UnsafePointer(storage)
    }

    /// A copy of `string` the caller frees with `deallocate()`.
    static func copy(_ string: String) -> UnsafeMutablePointer<CChar> {
        let bytes = Array(string.utf8CString)
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        storage.initialize(from: bytes, count: bytes.count)
        return storage
    }
}
