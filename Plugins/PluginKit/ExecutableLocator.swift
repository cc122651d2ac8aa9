import Foundation

/// Finds an executable the way a shell would: a name with a slash is a path, anything else is
/// looked up in the directories of PATH (the host's, which its `run_process` searches too).
public enum ExecutableLocator {
    /// The path of `command`, or nil when there is no executable regular file by that name.
    public static func find(_ command: String) -> String? {
        guard !command.isEmpty else { return nil }
        if command.contains("/") { return isExecutable(command) ? command : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(command)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
