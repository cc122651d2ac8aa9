import Foundation
import PluginABI

/// Streams the files a tool finished into the host's sink, which checks type, size and name, while the
/// tool is still working on the next ones. Delivered files leave the work folder.
public final class FileStreamer {
    private let job: JobHost
    private let reportsProgress: Bool
    /// Files ended in the sink.
    public private(set) var ended = 0
    /// The status that refused the last file, or stopped the delivery.
    public private(set) var failure: boss_status?
    /// Set once a failure means no further file can be taken (quota, cancellation, file cap).
    public private(set) var mustStop = false
    private var delivered: Set<String> = []
    private var done: UInt64 = 0

    /// With `reportsProgress`, each delivered file reports the bytes delivered so far (for tools whose
    /// own progress the plugin does not read).
    public init(job: JobHost, reportsProgress: Bool = true) {
        self.job = job
        self.reportsProgress = reportsProgress
    }

    /// Delivers the finished files under `directory` not delivered yet, in name order (gallery-dl
    /// numbers them): a tool that writes `NAME.part` and renames the file when it is complete, so every
    /// file without that suffix is finished. Returns false once the delivery must stop.
    @discardableResult
    public func deliverFinished(in directory: String) -> Bool {
        for file in Self.regularFiles(under: directory) where !file.path.hasSuffix(".part") {
            guard deliver(file.path, size: file.size) else { return false }
        }
        return !mustStop
    }

    /// Delivers the finished file at `path` unless it was delivered already, then removes it.
    /// Returns false once the delivery must stop.
    @discardableResult
    public func deliver(_ path: String, size knownSize: UInt64? = nil) -> Bool {
        guard !mustStop, !delivered.contains(path) else { return !mustStop }
        delivered.insert(path)
        let size = knownSize ?? Self.size(of: path)
        let status = job.stream(path, size: size)
        try? FileManager.default.removeItem(atPath: path)
        done += size
        if reportsProgress { job.progress(done) }
        if status == BOSS_OK {
            ended += 1
            return true
        }
        failure = status
        // One refused file (wrong type, too large) does not cost the others; these end the job.
        let fatal = [BOSS_ERR_CANCELLED, BOSS_ERR_QUOTA, BOSS_ERR_TOO_MANY_FILES, BOSS_ERR_INVALID_ARGUMENT]
        mustStop = fatal.contains(status)
        return !mustStop
    }

    private static func size(of path: String) -> UInt64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
    }

    private static func regularFiles(under directory: String) -> [(path: String, size: UInt64)] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [(path: String, size: UInt64)] = []
        while let relative = walker.nextObject() as? String {
            let path = directory + "/" + relative
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            files.append((path, (attributes[.size] as? NSNumber)?.uint64Value ?? 0))
        }
        return files.sorted { $0.path < $1.path }
    }
}
