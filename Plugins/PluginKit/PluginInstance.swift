import PluginABI
import Synchronization

/// What `create` hands the host: the plugin's extractor with the host table it was made for, and the
/// health sentences given out so far (the ABI wants them to outlive the call: they live until destroy).
final class PluginInstance: @unchecked Sendable {
    // @unchecked: `host` is immutable and valid until destroy; the sentences are behind their mutex.
    private let host: UnsafePointer<boss_host>
    private let extractor: any PluginExtractor
    private let sentences = Mutex<[String: UnsafeMutablePointer<CChar>]>([:])

    init(host: UnsafePointer<boss_host>, extractor: any PluginExtractor) {
        self.host = host
        self.extractor = extractor
    }

    deinit {
        sentences.withLock { for pointer in $0.values { pointer.deallocate() } }
    }

    static func from(_ pointer: UnsafeMutableRawPointer) -> PluginInstance {
        Unmanaged<PluginInstance>.fromOpaque(pointer).takeUnretainedValue()
    }

    func extract(job: OpaquePointer, url: String) -> boss_status {
        extractor.extract(JobHost(host: host, job: job), url: url)
    }

    /// The health sentence as a C string owned by this instance, one copy per distinct sentence.
    func health() -> UnsafePointer<CChar>? {
        guard let problem = extractor.healthProblem() else { return nil }
        return sentences.withLock { table in
            if let known = table[problem] { return UnsafePointer(known) }
            let copy = StaticCString.copy(problem)
            table[problem] = copy
            return UnsafePointer(copy)
        }
    }
}
