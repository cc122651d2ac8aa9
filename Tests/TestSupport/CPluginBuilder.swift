import Foundation

/// Compiles a C test plugin from `Tests/Fixtures/Plugins` with the system C compiler, as a plugin
/// author would: it then needs nothing but libc.
public enum CPluginBuilder {
    /// The repository root, found from this file's location.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Builds `source` with `-D` `defines` into `directory/name`; returns the path. Throws cc's output.
    public static func build(
        source: String, defines: [String: String] = [:], into directory: String, name: String
    ) throws -> String {
        let output = directory + "/" + name
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "cc", "-std=c11", "-shared", "-fPIC", "-fvisibility=hidden", "-Wall", "-Werror", "-O1",
                "-I", repositoryRoot + "/Sources/PluginABI/include",
            ]
            + defines.sorted { $0.key < $1.key }.map { "-D\($0.key)=\($0.value)" }
            + [repositoryRoot + "/Tests/Fixtures/Plugins/" + source, "-o", output]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CompileError(message: message) }
        // As `install -m 0755` would: the loader refuses files others can write, whatever the umask.
        guard chmod(output, 0o755) == 0 else { throw CompileError(message: "chmod 0755 \(output) failed") }
        return output
    }

    /// The compiler's complaint.
    public struct CompileError: Error, CustomStringConvertible {
        /// cc's stderr.
        public let message: String
        /// The same.
        public var description: String { message }
    }
}

/// Where SwiftPM put the package's build products (the running test binary's folder, e.g. .build/debug).
public enum BuildProducts {
    /// The folder of the running test binary.
    public static var directory: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path
    }
}
