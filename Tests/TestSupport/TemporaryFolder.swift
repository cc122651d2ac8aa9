import Foundation

/// A fresh folder under the system's temporary directory, removed with everything in it when the
/// last reference goes.
public final class TemporaryFolder: Sendable {
    /// Its absolute path (symlinks resolved, so paths compare equal to what the code under test sees).
    public let path: String

    /// Creates the folder; `prefix` names it for whoever looks in /tmp.
    public init(prefix: String = "boss-test") throws {
        var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        path = URL(fileURLWithPath: String(cString: created)).resolvingSymlinksInPath().path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }
}
