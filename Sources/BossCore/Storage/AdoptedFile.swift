import Glibc

/// A finished file another process wrote in a folder it may write (a tool's download in a job's work
/// folder), opened for the sink to take in whole (`MediaSink.adopt`) instead of copying its bytes.
/// Opening it refuses what could make the sink take something else: a symbolic link, a file with a
/// second name (a hard link to a file of the host's), anything but a regular file, and a file that is
/// not inside `folder` as the kernel resolved it.
public final class AdoptedFile: Sendable {
    /// The path the file was opened by.
    public let path: String
    /// Its size when opened.
    public let size: Int64
    /// Its first bytes, for the type check.
    let head: [UInt8]
    private let descriptor: Int32
    private let device: UInt64
    private let inode: UInt64

    /// Opens `path`; throws `.notAdoptable` unless it is a regular file with one name inside `folder`.
    public init(path: String, inside folder: String) throws(SinkError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .notAdoptable(path: path, reason: "cannot be opened as a file") }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink == 1,
            let resolved = Self.resolvedPath(of: descriptor), let base = Self.resolvedPath(of: folder),
            resolved.hasPrefix(base + "/")
        else {
            close(descriptor)
            throw .notAdoptable(path: path, reason: "not a regular file with one name inside the work folder")
        }
        var head = [UInt8](repeating: 0, count: MediaType.signatureLength)
        let read = pread(descriptor, &head, head.count, 0)
        self.head = Array(head.prefix(max(read, 0)))
        self.descriptor = descriptor
        size = Int64(status.st_size)
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    deinit { close(descriptor) }

    /// Its type, when it is not empty, within `limitBytes` and of an allowed media type.
    func mediaType(name: String, limitBytes: Int64) throws(SinkError) -> MediaType {
        guard size > 0 else { throw .empty(name: name) }
        guard size <= limitBytes else { throw .tooLarge(name: name, limitBytes: limitBytes) }
        guard let type = MediaType.detect(head) else { throw .badType(name: name, head: head) }
        return type
    }

    /// Puts this very file (the inode checked, not whatever its path names now) at `name` in `folder`,
    /// replacing the placeholder the sink created there: a hard link, or a copy into `placeholder` when
    /// the folders are on different file systems. Then removes the original name if it still names it.
    func move(into folder: Int32, as name: String, placeholder: Int32) throws(SinkError) {
        let staging = ".adopting-" + name
        if linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", folder, staging, AT_SYMLINK_FOLLOW) == 0 {
            guard renameat(folder, staging, folder, name) == 0 else {
                let code = errno
                unlinkat(folder, staging, 0)
                throw .io(operation: "rename", path: name, errno: code)
            }
        } else {
            guard errno == EXDEV else { throw .io(operation: "link", path: path, errno: errno) }
            try copy(into: placeholder, name: name)
        }
        var current = stat()
        if lstat(path, &current) == 0, UInt64(current.st_dev) == device, UInt64(current.st_ino) == inode {
            unlink(path)
        }
    }

    /// In-kernel copy (`sendfile`): the bytes never pass through this process's memory.
    private func copy(into target: Int32, name: String) throws(SinkError) {
        var offset = off_t(0)
        while Int64(offset) < size {
            let copied = sendfile(target, descriptor, &offset, Int(size - Int64(offset)))
            if copied < 0 && errno == EINTR { continue }
            guard copied > 0 else {
                throw .io(operation: "copy", path: name, errno: copied < 0 ? errno : EIO)
            }
        }
    }

    /// The path the kernel resolved `descriptor` to (no link can hide in it).
    private static func resolvedPath(of descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/fd/\(descriptor)", &buffer, Int(PATH_MAX))
        return length > 0
            ? String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }

    private static func resolvedPath(of folder: String) -> String? {
        guard let resolved = realpath(folder, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
