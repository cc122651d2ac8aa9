import Foundation
import PluginABI

/// One local file into the host's sink, which checks its type, size and name: a file of the job's work
/// folder is handed over whole (`file_adopt`: a link, no copy) where the host offers it; any other is
/// streamed (`file_begin`, `file_write`..., `file_end`), never the whole file in memory.
struct SinkUpload {
    static let chunkSize = 256 * 1024
    private let host: UnsafePointer<boss_host>
    private let job: OpaquePointer

    init(host: UnsafePointer<boss_host>, job: OpaquePointer) {
        self.host = host
        self.job = job
    }

    func send(_ path: String, name: String?, size: UInt64?) -> boss_status {
        let name = name ?? (path as NSString).lastPathComponent
        if PluginHost(host).provides(\.file_adopt), let work = host.pointee.work_dir(job),
            path.hasPrefix(String(cString: work) + "/")
        {
            return host.pointee.file_adopt(job, path, name)
        }
        guard let input = FileHandle(forReadingAtPath: path) else { return unreadable() }
        defer { try? input.close() }
        let expected = size.map { Int64(clamping: $0) } ?? Self.size(of: path)
        var file: OpaquePointer?
        let begun = host.pointee.file_begin(job, name, expected, &file)
        guard begun == BOSS_OK, let file else { return begun == BOSS_OK ? BOSS_ERR_INTERNAL : begun }
        while true {
            if host.pointee.is_cancelled(job) != 0 {
                host.pointee.file_abort(file)
                return BOSS_ERR_CANCELLED
            }
            let chunk: Data
            do {
                chunk = try input.read(upToCount: Self.chunkSize) ?? Data()  // nil at the end of the file
            } catch {
                host.pointee.file_abort(file)
                return unreadable()
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

    private func unreadable() -> boss_status {
        _ = host.pointee.set_error_detail(job, "Could not read a temporary file.")
        return BOSS_ERR_INTERNAL
    }

    /// The file's size, or -1 (unknown) when it cannot be read.
    private static func size(of path: String) -> Int64 {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.int64Value ?? -1
    }
}
