import Foundation
import PluginABI
import Synchronization

/// A plugin library mapped into the process from a private copy, with its descriptor resolved.
/// glibc hands back the already-loaded image for a path it has seen, and a file changed in place under
/// a mapped image crashes the host: so every load is of a fresh copy, and nothing is ever dlclose'd.
struct PluginImage {
    let sourcePath: String
    let imagePath: String
    let descriptor: UnsafePointer<boss_plugin_descriptor>

    private static let serial = Atomic<Int>(0)

    static func load(_ sourcePath: String, cacheDirectory: String, policy: PluginFilePolicy)
        throws(PluginLoadError) -> PluginImage
    {
        let number = serial.add(1, ordering: .relaxed).newValue
        let base = ((sourcePath as NSString).lastPathComponent as NSString).deletingPathExtension
        let imagePath = cacheDirectory + "/\(base)-\(getpid())-\(number).so"
        let source = try PluginSourceFile.read(sourcePath, policy: policy)
        try ELFPreflight.check(source.bytes)
        do {
            try FileManager.default.createDirectory(
                atPath: cacheDirectory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw .copyFailed(reason: "\(error.localizedDescription)")
        }
        try source.write(to: imagePath)
        guard let handle = dlopen(imagePath, RTLD_NOW | RTLD_LOCAL) else {
            try? FileManager.default.removeItem(atPath: imagePath)
            throw .notLoadable(reason: dlerror().map { String(cString: $0) } ?? "unknown dlopen error")
        }
        guard let symbol = dlsym(handle, BOSS_PLUGIN_ENTRY_SYMBOL) else { throw .missingEntrySymbol }
        let entry = unsafeBitCast(symbol, to: boss_plugin_entry_fn.self)
        guard let descriptor = entry(BOSS_PLUGIN_ABI_VERSION) else {
            throw .abiRefused(hostVersion: BOSS_PLUGIN_ABI_VERSION)
        }
        return PluginImage(sourcePath: sourcePath, imagePath: imagePath, descriptor: descriptor)
    }
}
