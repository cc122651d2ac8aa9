import PluginABI
import PluginKit
import Testing

/// PluginKit's descriptor and C trampolines, called the way the host calls them. The host table is a
/// zeroed `boss_host`: these plugins call no service, so nothing of the host is needed.
@Suite("PluginKit: the descriptor and entry built from closures")
struct PluginEntryTests {
    static let info = PluginInfo(
        id: "kit", name: "Kit", version: "1.0.0", description: "A test plugin.", priority: 7,
        patterns: ["^https?://kit\\.example/"], examples: ["https://kit.example/a"])

    static let entry: PluginEntry = PluginEntry(
        info, create: { host, _ in entry.create(host) },
        instance: { _ in Degraded() })

    /// Answers with a status read from the URL and reports a fixed health sentence.
    struct Degraded: PluginExtractor {
        func extract(_ job: JobHost, url: String) -> boss_status {
            url.hasSuffix("/missing") ? BOSS_ERR_NOT_FOUND : BOSS_OK
        }
        func healthProblem() -> String? { "kit is not installed" }
    }

    @Test("flags default to none: a plugin states THREAD_SAFE itself")
    func flagsDefaultToNone() throws {
        let descriptor = try #require(Self.entry.descriptor(forHostABI: BOSS_PLUGIN_ABI_VERSION))
        #expect(descriptor.pointee.flags == 0)
        let safe = PluginInfo(
            id: "safe", name: "Safe", version: "1", description: "d", priority: 0, patterns: ["^x"],
            examples: ["x"], flags: BOSS_PLUGIN_THREAD_SAFE)
        #expect(safe.flags == BOSS_PLUGIN_THREAD_SAFE)
    }

    @Test("the descriptor holds the info, and is served only to this ABI version")
    func descriptorFields() throws {
        #expect(Self.entry.descriptor(forHostABI: 0) == nil)
        #expect(Self.entry.descriptor(forHostABI: 999) == nil)
        let descriptor = try #require(Self.entry.descriptor(forHostABI: BOSS_PLUGIN_ABI_VERSION))
        #expect(Self.entry.descriptor(forHostABI: BOSS_PLUGIN_ABI_VERSION) == descriptor)
        let fields = descriptor.pointee
        #expect(Int(fields.struct_size) == MemoryLayout<boss_plugin_descriptor>.size)
        #expect(fields.abi_version == BOSS_PLUGIN_ABI_VERSION)
        #expect(String(cString: try #require(fields.id)) == "kit")
        #expect(fields.priority == 7)
        let patterns = try #require(fields.url_patterns)
        #expect(String(cString: try #require(patterns[0])) == "^https?://kit\\.example/")
        #expect(patterns[1] == nil)
    }

    @Test("create, extract, health and destroy reach the Swift extractor through the instance pointer")
    func trampolines() throws {
        let descriptor = try #require(Self.entry.descriptor(forHostABI: BOSS_PLUGIN_ABI_VERSION)).pointee
        var host = boss_host()
        host.struct_size = UInt32(MemoryLayout<boss_host>.size)
        try withUnsafePointer(to: &host) { table in
            let instance = try #require(descriptor.create?(table, nil))
            let job = try #require(OpaquePointer(bitPattern: 0x1000))
            #expect(descriptor.extract?(instance, job, "https://kit.example/a") == BOSS_OK)
            #expect(descriptor.extract?(instance, job, "https://kit.example/missing") == BOSS_ERR_NOT_FOUND)
            #expect(descriptor.extract?(instance, nil, "https://kit.example/a") == BOSS_ERR_INVALID_ARGUMENT)
            let first = try #require(descriptor.health?(instance))
            #expect(String(cString: first) == "kit is not installed")
            // The same sentence is the same instance-owned string: no allocation per call.
            #expect(descriptor.health?(instance) == first)
            descriptor.destroy?(instance)
        }
    }
}
