import Foundation
import PluginABI

/// Streams the files gallery-dl finished into the host's sink, which checks type, size and name.
struct FileStreamer {
    let host: UnsafePointer<boss_host>
    let job: OpaquePointer
    static let chunkSize = 256 * 1024

    /// How many files were ended, and the status that stopped the delivery or refused the last file.
    struct Delivery {
        var ended = 0
        var failure: boss_status?
    }

    /// Delivers every regular file under `directory`, in name order (gallery-dl numbers them).
    func deliver(directory: String) -> Delivery {
        var delivery = Delivery()
        let files = Self.regularFiles(under: directory)
        let total = files.reduce(UInt64(0)) { $0 + $1.size }
        var done: UInt64 = 0
        for file in files {
            let status = stream(file.path, size: file.size)
            done += file.size
            host.pointee.progress(job, done, total)
            if status == BOSS_OK {
                delivery.ended += 1
                continue
            }
            delivery.failure = status
            // One refused file (wrong type, too large) does not cost the others; these end the job.
            let fatal = [
                BOSS_ERR_CANCELLED, BOSS_ERR_QUOTA, BOSS_ERR_TOO_MANY_FILES, BOSS_ERR_INVALID_ARGUMENT,
            ]
            if fatal.contains(status) { break }
        }
        return delivery
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
