import BossMetrics
import Foundation
import Synchronization

/// The enforced sink of one job: every byte a plugin produces passes through it. It names files safely,
/// decides their type from content, and applies the size limit and the quota on every write. Files are
/// only ever created inside the job's folder, relative to a descriptor of it opened without following
/// symlinks, with `O_EXCL | O_NOFOLLOW`: no name and no planted symlink can write anywhere else.
public final class MediaSink: Sendable {
    let directory: String
    let directoryDescriptor: Int32
    let maxFileBytes: Int64
    let quota: StorageQuota
    private let state = Mutex(State())

    struct State {
        var files: [StoredFile] = []
        var open: [ObjectIdentifier: SinkFile] = [:]
        var closed = false
    }

    /// Opens the sink on an existing job folder.
    public init(directory: String, maxFileBytes: Int64, quota: StorageQuota) throws(SinkError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(operation: "open", path: directory, errno: errno) }
        self.directory = directory
        directoryDescriptor = descriptor
        self.maxFileBytes = maxFileBytes
        self.quota = quota
    }

    deinit { Glibc.close(directoryDescriptor) }

    /// Starts a file. A declared `expectedSize` over the limit fails before any byte is accepted.
    public func begin(suggestedName: String?, expectedSize: Int64?) throws(SinkError) -> SinkFile {
        let name = suggestedName ?? "media"
        if let expectedSize, expectedSize > maxFileBytes {
            BossMetrics.fileRejected(SinkError.tooLarge(name: name, limitBytes: maxFileBytes).metricReason)
            throw .tooLarge(name: name, limitBytes: maxFileBytes)
        }
        let file = SinkFile(sink: self, suggestedName: suggestedName)
        let accepted = state.withLock { state in
            guard !state.closed else { return false }
            state.open[ObjectIdentifier(file)] = file
            return true
        }
        guard accepted else { throw .finished }
        return file
    }

    /// Takes `source` in whole instead of its bytes (a link, not a copy) under the checks every file
    /// passes: the size limit, the type from the first bytes, the quota, and a sanitized unique name
    /// (`suggestedName`, else the file's own).
    public func adopt(_ source: AdoptedFile, suggestedName: String?) throws(SinkError) -> StoredFile {
        let name = suggestedName ?? source.path.split(separator: "/").last.map(String.init) ?? "media"
        let type: MediaType
        do throws(SinkError) {
            type = try source.mediaType(name: name, limitBytes: maxFileBytes)
            try quota.reserve(source.size)
        } catch {
            BossMetrics.fileRejected(error.metricReason)
            throw error
        }
        do throws(SinkError) {
            guard !state.withLock({ $0.closed }) else { throw .finished }
            let (stored, placeholder) = try createUniqueFile(suggestedName: name, type: type)
            defer { Glibc.close(placeholder) }
            do throws(SinkError) {
                try source.move(into: directoryDescriptor, as: stored, placeholder: placeholder)
            } catch {
                unlinkat(directoryDescriptor, stored, 0)
                throw error
            }
            let file = StoredFile(name: stored, path: directory + "/" + stored, size: source.size, type: type)
            state.withLock { $0.files.append(file) }
            return file
        } catch {
            quota.release(source.size)
            throw error
        }
    }

    /// The finished files, in the order they were finished.
    public var files: [StoredFile] { state.withLock { $0.files } }

    /// Aborts unfinished files; later `begin` calls fail.
    public func close() {
        let unfinished = state.withLock { state in
            state.closed = true
            defer { state.open.removeAll() }
            return Array(state.open.values)
        }
        for file in unfinished { file.abort() }
    }

    func settle(_ file: SinkFile, stored: StoredFile?) {
        state.withLock { state in
            state.open.removeValue(forKey: ObjectIdentifier(file))
            if let stored { state.files.append(stored) }
        }
    }

    /// Creates `name` (or `stem-2.ext`, `stem-3.ext`, ... when taken) inside the job folder.
    func createUniqueFile(suggestedName: String?, type: MediaType) throws(SinkError) -> (
        name: String, fd: Int32
    ) {
        for attempt in 1...1000 {
            let name = FileNameSanitizer.sanitize(
                suggestedName, extension: type.fileExtension, counter: attempt == 1 ? nil : attempt)
            let fd = openat(
                directoryDescriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 { return (name, fd) }
            guard errno == EEXIST else {
                throw .io(operation: "create", path: directory + "/" + name, errno: errno)
            }
        }
        throw .io(operation: "create", path: directory, errno: EEXIST)
    }
}
