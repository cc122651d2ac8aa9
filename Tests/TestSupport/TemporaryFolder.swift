import Foundation

/// A fresh folder under the system's temporary directory. Tests get one from `withTemporaryFolder`,
/// which removes it when the body ends; a harness that owns one removes it in its own clean-up.
public final class TemporaryFolder: Sendable {
    /// Its absolute path (symlinks resolved, so paths compare equal to what the code under test sees).
    public let path: String

    /// Creates the folder (mode 0700); `prefix` names it for whoever looks in /tmp.
    public init(prefix: String = "boss-test") throws {
        var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        path = URL(fileURLWithPath: String(cString: created)).resolvingSymlinksInPath().path
    }

    /// A path inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Removes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs `body` with a fresh folder and removes the folder when `body` returns or throws.
public func withTemporaryFolder<Value>(
    prefix: String = "boss-test", _ body: (TemporaryFolder) throws -> Value
) throws -> Value {
    let folder = try TemporaryFolder(prefix: prefix)
    defer { folder.remove() }
    return try body(folder)
}

/// Runs `body` with a fresh folder and removes the folder once `body` has finished or thrown.
public func withTemporaryFolder<Value>(
    prefix: String = "boss-test", isolation: isolated (any Actor)? = #isolation,
    _ body: (TemporaryFolder) async throws -> Value
) async throws -> Value {
    let folder = try TemporaryFolder(prefix: prefix)
    defer { folder.remove() }
    return try await body(folder)
}
