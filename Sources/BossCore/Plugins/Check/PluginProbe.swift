import Foundation
import PluginABI

/// The child side of `boss-host plugin check`: runs one check in this process and returns its
/// results (none when the check does not apply, e.g. foreign URLs for the catch-all).
public enum PluginProbe {
    /// URLs no site plugin may claim: another host, another scheme, not a URL at all.
    static let foreignURLs = ["https://example.invalid/x", "ftp://a/b", "not-a-url", ""]

    /// Runs `check` against the library at `path`; `url` is the `--url` of per-URL checks.
    public static func run(
        _ check: PluginCheck, path: String, url: String?, environment: HostEnvironment
    ) async -> [PluginCheckResult] {
        let name = PluginCheckResult.name(check, url: url)
        do throws(ProbeFailure) {
            switch check {
            case .entrySymbol:
                _ = try entry(path)
                return [.pass(name)]
            case .abiNegotiation: return [try PluginLifecycleProbe.negotiation(path, name: name)]
            case .descriptor:
                let manifest = try manifest(path)
                return [.pass(name, "\(manifest.id) \(manifest.version), priority \(manifest.priority)")]
            case .patterns:
                _ = try patterns(path)
                return [.pass(name)]
            case .exampleURLs:
                let (manifest, compiled) = try patterns(path)
                let unclaimed = manifest.exampleURLs.filter { url in !compiled.contains { $0.matches(url) } }
                return [
                    unclaimed.isEmpty
                        ? .pass(name) : .fail(name, "not matched: \(unclaimed.joined(separator: ", "))")
                ]
            case .foreignURLs:
                let (manifest, compiled) = try patterns(path)
                guard manifest.priority > -1000 else { return [] }
                let claimed = foreignURLs.filter { url in compiled.contains { $0.matches(url) } }
                return [
                    claimed.isEmpty
                        ? .pass(name)
                        : .fail(name, "claimed: \(claimed.map { "'\($0)'" }.joined(separator: ", "))")
                ]
            case .createDestroy:
                return [try PluginLifecycleProbe.lifecycle(path, name: name, environment: environment)]
            case .extract, .cancel:
                guard let url else { return [.fail(name, "needs a URL")] }
                return [
                    await PluginExtractionProbe(path: path, url: url, environment: environment).run(
                        check, name: name)
                ]
            }
        } catch {
            return [.fail(name, error.reason)]
        }
    }

    /// The entry point of the library, after the same ELF checks the loader makes.
    static func entry(_ path: String) throws(ProbeFailure) -> boss_plugin_entry_fn {
        do throws(PluginLoadError) { try ELFPreflight.check(path) } catch { throw ProbeFailure("\(error)") }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw ProbeFailure("dlopen failed: " + (dlerror().map { String(cString: $0) } ?? "unknown error"))
        }
        guard let symbol = dlsym(handle, BOSS_PLUGIN_ENTRY_SYMBOL) else {
            throw ProbeFailure(
                "no exported symbol \(BOSS_PLUGIN_ENTRY_SYMBOL) (build with BOSS_EXPORT on it)")
        }
        return unsafeBitCast(symbol, to: boss_plugin_entry_fn.self)
    }

    static func descriptor(_ path: String) throws(ProbeFailure) -> UnsafePointer<boss_plugin_descriptor> {
        guard let descriptor = try entry(path)(BOSS_PLUGIN_ABI_VERSION) else {
            throw ProbeFailure("boss_plugin_entry(\(BOSS_PLUGIN_ABI_VERSION)) returned NULL")
        }
        return descriptor
    }

    static func manifest(_ path: String) throws(ProbeFailure) -> PluginManifest {
        let descriptor = try descriptor(path)
        do throws(PluginLoadError) { return try PluginManifest.readFields(descriptor) } catch {
            throw ProbeFailure("\(error)")
        }
    }

    static func patterns(_ path: String) throws(ProbeFailure) -> (PluginManifest, [URLPattern]) {
        let manifest = try manifest(path)
        do throws(PluginLoadError) {
            return (manifest, try PluginManifest.compilePatterns(manifest.patterns))
        } catch {
            throw ProbeFailure("\(error)")
        }
    }
}
