/// A file the sink accepted, in the job's folder.
public struct StoredFile: Sendable, Codable, Equatable {
    /// The sanitized name, with the extension of the detected type.
    public var name: String
    /// Absolute path.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// The type detected from the content.
    public var type: MediaType
}
