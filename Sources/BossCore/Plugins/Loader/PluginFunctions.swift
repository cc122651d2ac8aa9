import PluginABI

/// The functions of a plugin's descriptor, read once within its `struct_size`: a descriptor of an older
/// ABI 1 ends before `health`, which then counts as NULL.
struct PluginFunctions: @unchecked Sendable {
    // @unchecked: C function pointers into the plugin's image, which is never unloaded.
    typealias Create =
        @convention(c) (UnsafePointer<boss_host>?, UnsafePointer<boss_config>?) -> UnsafeMutableRawPointer?
    typealias Extract =
        @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?) -> boss_status
    typealias Destroy = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias Health = @convention(c) (UnsafeMutableRawPointer?) -> UnsafePointer<CChar>?

    let create: Create
    let extract: Extract
    let destroy: Destroy
    /// nil when the plugin has none, or its descriptor ends before the field.
    let health: Health?

    /// Reads the functions; throws when the descriptor is shorter than ABI 1's minimum (every field
    /// through `destroy`) or one of the required functions is NULL.
    init(_ descriptor: UnsafePointer<boss_plugin_descriptor>) throws(PluginLoadError) {
        let fields = try Self.fields(of: descriptor)
        guard let create = fields.read(\.create, default: nil),
            let extract = fields.read(\.extract, default: nil),
            let destroy = fields.read(\.destroy, default: nil)
        else {
            throw .invalidDescriptor(field: "create/extract/destroy", reason: "must not be NULL")
        }
        self.create = create
        self.extract = extract
        self.destroy = destroy
        health = fields.read(\.health, default: nil)
    }

    /// The descriptor seen through its `struct_size`, refused when it ends before `destroy`.
    static func fields(
        of descriptor: UnsafePointer<boss_plugin_descriptor>
    ) throws(PluginLoadError) -> PluginStruct<boss_plugin_descriptor> {
        let fields = PluginStruct(descriptor)!
        guard fields.hasField(\.destroy) else {
            throw .invalidDescriptor(
                field: "struct_size",
                reason: "\(fields.size) bytes end before destroy, the last field every ABI v1 descriptor has")
        }
        return fields
    }
}
