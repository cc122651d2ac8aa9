import Foundation

/// A plugin file's bytes, read through one descriptor: the ownership and mode checks apply to the file
/// actually read (a symlink's target), and nothing can swap the file between the check and the read.
struct PluginSourceFile {
    /// The file read, symlinks resolved.
    let resolvedPath: String
    /// Its content.
    let bytes: [UInt8]

    static func read(_ path: String, policy: PluginFilePolicy) throws(PluginLoadError) -> PluginSourceFile {
        // O_NONBLOCK: a FIFO swapped in for the file must not hang the watcher in open().
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .notLoadable(reason: "cannot open: \(errorText())") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw .notLoadable(reason: "not a regular file")
        }
        let resolved = resolvedPath(of: descriptor) ?? path
        try policy.check(info, path: resolved)
        try policy.checkFolder((resolved as NSString).deletingLastPathComponent)
        return PluginSourceFile(resolvedPath: resolved, bytes: try readAll(descriptor))
    }

    /// Writes the bytes to a new file at `path` that only the host's user may read (never over an
    /// existing one).
    func write(to path: String) throws(PluginLoadError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o500)
        guard descriptor >= 0 else { throw .copyFailed(reason: "cannot create \(path): \(Self.errorText())") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress, $0.count)
            }
            guard written > 0 || (written < 0 && errno == EINTR) else {
                throw .copyFailed(reason: "cannot write \(path): \(Self.errorText())")
            }
            offset += max(written, 0)
        }
    }

    private static func readAll(_ descriptor: Int32) throws(PluginLoadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            guard count > 0 || errno == EINTR else {
                throw .notLoadable(reason: "cannot read: \(errorText())")
            }
            bytes += chunk[..<max(count, 0)]
        }
    }

    /// The path the kernel has for an open descriptor (symlinks resolved).
    private static func resolvedPath(of descriptor: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(descriptor)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
