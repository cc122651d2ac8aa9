import Foundation
import PluginABI

/// Streams the files a tool finished into the host's sink, which checks type, size and name, while the
/// tool is still working on the next ones. Delivered files leave the work folder. (Shared as source,
/// symlinked into each plugin that runs a downloading tool.)
final class FileStreamer {
    let host: UnsafePointer<boss_host>
    let job: OpaquePointer
    static let chunkSize = 256 * 1024
    /// Files ended in the sink.
    private(set) var ended = 0
    /// The status that refused the last file, or stopped the delivery.
    private(set) var failure: boss_status?
    /// Set once a failure means no further file can be taken (quota, cancellation, file cap).
    private(set) var mustStop = false
    private var delivered: Set<String> = []
    private var done: UInt64 = 0
    private let reportsProgress: Bool

    /// With `reportsProgress`, each delivered file reports the bytes delivered so far (for tools whose
    /// own progress the plugin does not read).
    init(host: UnsafePointer<boss_host>, job: OpaquePointer, reportsProgress: Bool = true) {
        self.host = host
        self.job = job
        self.reportsProgress = reportsProgress
    }

    /// Delivers the finished files under `directory` not delivered yet, in name order (gallery-dl
    /// numbers them): a tool that writes `NAME.part` and renames the file when it is complete, so every
    /// file without that suffix is finished. Returns false once the delivery must stop.
    @discardableResult
    func deliverFinished(in directory: String) -> Bool {
        for file in Self.regularFiles(under: directory) where !file.path.hasSuffix(".part") {
            guard deliver(file.path, size: file.size) else { return false }
        }
        return !mustStop
    }

    /// Delivers the finished file at `path` unless it was delivered already, then removes it.
    /// Returns false once the delivery must stop.
    @discardableResult
    func deliver(_ path: String, size knownSize: UInt64? = nil) -> Bool {
        guard !mustStop, !delivered.contains(path) else { return !mustStop }
        delivered.insert(path)
        let size = knownSize ?? Self.size(of: path)
        let status = stream(path, size: size)
        try? FileManager.default.removeItem(atPath: path)
        done += size
        if reportsProgress { host.pointee.progress(job, done, 0) }
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

    private func stream(_ path: String, size: UInt64) -> boss_status {
        guard let input = FileHandle(forReadingAtPath: path) else { return BOSS_ERR_INTERNAL }
        defer { try? input.close() }
        var file: OpaquePointer?
        let name = (path as NSString).lastPathComponent
        let begun = host.pointee.file_begin(job, name, Int64(size), &file)
        guard begun == BOSS_OK, let file else { return begun == BOSS_OK ? BOSS_ERR_INTERNAL : begun }
        while true {
            let chunk: Data
            do {
                chunk = try input.read(upToCount: Self.chunkSize) ?? Data()
            } catch {
                host.pointee.file_abort(file)
                return BOSS_ERR_INTERNAL
            }
            if chunk.isEmpty { break }
            let written = chunk.withUnsafeBytes { bytes in
                host.pointee.file_write(file, bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
            }
            // A failed write already deleted the file and finished the handle.
            if written != BOSS_OK { return written }
        }
        return host.pointee.file_end(file)
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
