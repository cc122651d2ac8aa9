/// A struct the plugin allocated, seen through its `struct_size` (boss/version.h): the host reads and
/// writes only the fields that lie wholly inside it, so a plugin built against an older ABI 1 header (a
/// shorter struct) or a newer one (a longer struct) works alike. A field past the end reads as the
/// default its header documents. Every plugin-allocated struct is reached through this type.
struct PluginStruct<Layout> {
    private let base: UnsafeMutableRawPointer
    /// The plugin's `struct_size`: the bytes the host may touch.
    let size: Int

    /// nil for a NULL pointer. Every ABI struct starts with its `uint32_t struct_size`.
    init?(_ pointer: UnsafePointer<Layout>?) {
        guard let pointer else { return nil }
        base = UnsafeMutableRawPointer(mutating: pointer)
        size = Int(base.load(as: UInt32.self))
    }

    /// nil for a NULL pointer; for structs the host fills in.
    init?(_ pointer: UnsafeMutablePointer<Layout>?) {
        self.init(UnsafePointer(pointer))
    }

    /// Whether the struct holds `field` completely (`BOSS_HAS_FIELD`).
    func hasField<Value>(_ field: KeyPath<Layout, Value>) -> Bool {
        offset(of: field) != nil
    }

    /// `field`, or `fallback` when the struct ends before it.
    func read<Value>(_ field: KeyPath<Layout, Value>, default fallback: Value) -> Value {
        guard let offset = offset(of: field) else { return fallback }
        return base.load(fromByteOffset: offset, as: Value.self)
    }

    /// Writes `field` when the struct holds it; a struct that ends before it is left as it is.
    func write<Value>(_ field: KeyPath<Layout, Value>, _ value: Value) {
        guard let offset = offset(of: field) else { return }
        base.storeBytes(of: value, toByteOffset: offset, as: Value.self)
    }

    /// The field's offset when it lies wholly inside `size`.
    private func offset<Value>(of field: KeyPath<Layout, Value>) -> Int? {
        guard let offset = MemoryLayout<Layout>.offset(of: field),
            size >= offset + MemoryLayout<Value>.size
        else { return nil }
        return offset
    }
}
