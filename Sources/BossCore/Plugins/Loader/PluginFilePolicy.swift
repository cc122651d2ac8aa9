import Foundation

/// Which plugin files the loader trusts, like ssh's StrictModes: a plugin is code the host runs, so a
/// file or folder that another user can change is a way for that user to run code as the host.
public struct PluginFilePolicy: Sendable {
    /// Load files and folders that others own or can write anyway (`BOSS_PLUGINS_INSECURE=1`).
    public var allowInsecure: Bool
    /// The owners trusted: by default the host's effective user and root.
    public var trustedOwners: Set<UInt32>

    /// The strict policy unless `allowInsecure`.
    public init(allowInsecure: Bool = false, trustedOwners: Set<UInt32> = [geteuid(), 0]) {
        self.allowInsecure = allowInsecure
        self.trustedOwners = trustedOwners
    }

    /// Refuses `path` (a file or folder, described by `info` from `fstat`) when another user owns it
    /// or group or others may write it.
    func check(_ info: stat, path: String) throws(PluginLoadError) {
        guard !allowInsecure else { return }
        guard trustedOwners.contains(info.st_uid) else {
            let trusted = trustedOwners.sorted().map(String.init).joined(separator: ", ")
            throw .insecure(
                path: path,
                reason: "owned by uid \(info.st_uid), not by the host's user or root (uid \(trusted))")
        }
        guard info.st_mode & (S_IWGRP | S_IWOTH) == 0 else {
            throw .insecure(
                path: path,
                reason: "writable by group or others (mode 0\(String(info.st_mode & 0o7777, radix: 8)))")
        }
    }

    /// Checks the folder at `path` through a descriptor of it.
    func checkFolder(_ path: String) throws(PluginLoadError) {
        guard !allowInsecure else { return }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .notLoadable(reason: "cannot open folder \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .notLoadable(reason: "cannot stat folder \(path): \(String(cString: strerror(errno)))")
        }
        try check(info, path: path)
    }
}
