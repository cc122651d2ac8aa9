import Foundation
import PluginABI

extension JobHost {
    var isDryRun: Bool { host.pointee.job_flags(job) & BOSS_JOB_DRY_RUN != 0 }

    /// The job's scratch folder (the host deletes it when extract returns).
    var workDirectory: String? { host.pointee.work_dir(job).map { String(cString: $0) } }

    /// Downloads `url` into the local file `path`, for tools that need files (ffmpeg).
    func download(_ url: String, to path: String) -> boss_status {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { return fail(BOSS_ERR_INTERNAL, "Could not create a temporary file.") }
        defer { try? handle.close() }
        let response = request(url, method: BOSS_HTTP_GET, limit: 0) { chunk in
            (try? handle.write(contentsOf: Data(buffer: chunk))) != nil
        }
        return response.status
    }

    /// Streams the local file `path` into the sink as one media file.
    func stream(_ path: String, name: String) -> boss_status {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return fail(BOSS_ERR_INTERNAL, "Could not read a temporary file.")
        }
        defer { try? handle.close() }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        var file: OpaquePointer?
        let begun = host.pointee.file_begin(job, name, size, &file)
        guard begun == BOSS_OK, let file else { return begun }
        while true {
            if isCancelled {
                host.pointee.file_abort(file)
                return BOSS_ERR_CANCELLED
            }
            let data: Data
            do {
                data = try handle.read(upToCount: 65_536) ?? Data()  // nil at the end of the file
            } catch {
                host.pointee.file_abort(file)
                return fail(BOSS_ERR_INTERNAL, "Could not read a temporary file.")
            }
            if data.isEmpty { break }
            let status = data.withUnsafeBytes { bytes in
                host.pointee.file_write(file, bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
            }
            // A failed write already deleted the file and freed the handle.
            guard status == BOSS_OK else { return status }
        }
        return host.pointee.file_end(file)
    }
}
