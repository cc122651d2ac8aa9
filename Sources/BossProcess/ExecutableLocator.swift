import Glibc

/// Finds an executable the way a shell would: a name with a slash is a path, anything else is looked
/// up in the directories of a search path.
public enum ExecutableLocator {
    /// The path of `command`, or nil when there is no executable regular file by that name.
    public static func find(_ command: String, searchPath: String) -> String? {
        guard !command.isEmpty else { return nil }
        if command.contains("/") { return isExecutableFile(command) ? command : nil }
        for directory in searchPath.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(command)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
