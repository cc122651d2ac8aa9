/// A file to attach.
public struct UploadFile: Sendable, Equatable {
    /// The name users see.
    public var name: String
    /// Where it is on disk.
    public var path: String
    /// Its size in bytes (for the upload limits).
    public var size: Int64

    /// Creates an upload.
    public init(name: String, path: String, size: Int64) {
        self.name = name
        self.path = path
        self.size = size
    }
}
