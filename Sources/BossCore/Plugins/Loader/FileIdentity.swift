import Foundation

/// What identifies a plugin file for rescans: a changed size, mtime or inode means a new file; a changed
/// owner or mode of the file, its folder or the plugins folder means its safety must be checked again.
struct FileIdentity: Equatable, Sendable {
    var size: Int64
    var modified: Int
    var inode: UInt64
    var access: [UInt32]

    /// The identity of the regular file at `path` (symlinks followed); `pluginsFolder` is the
    /// `access(of:)` of the plugins folder.
    init?(path: String, pluginsFolder: [UInt32]) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        size = Int64(info.st_size)
        modified = info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
        inode = UInt64(info.st_ino)
        let folder = realpath(path, nil).map { resolved in
            defer { free(resolved) }
            return (String(cString: resolved) as NSString).deletingLastPathComponent
        }
        access = [info.st_uid, info.st_mode] + (folder.map(Self.access(of:)) ?? []) + pluginsFolder
    }

    /// Owner and mode of `path`; empty when it cannot be read.
    static func access(of path: String) -> [UInt32] {
        var info = stat()
        return stat(path, &info) == 0 ? [info.st_uid, info.st_mode] : []
    }
}
