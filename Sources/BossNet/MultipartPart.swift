/// One part of a `multipart/form-data` request body.
public struct MultipartPart: Sendable, Equatable {
    /// Where the part's bytes come from.
    public enum Content: Sendable, Equatable {
        /// Bytes held in memory (small parts such as a JSON payload).
        case bytes([UInt8])
        /// A file, streamed from disk while sending (never loaded whole).
        case file(path: String)
    }

    /// The form field's name, e.g. `payload_json` or `files[0]`.
    public var name: String
    /// The part's content.
    public var content: Content
    /// The file name the receiver sees; nil for plain fields.
    public var filename: String?
    /// The part's `Content-Type`, if any.
    public var contentType: String?

    /// Creates a part.
    public init(name: String, content: Content, filename: String? = nil, contentType: String? = nil) {
        self.name = name
        self.content = content
        self.filename = filename
        self.contentType = contentType
    }
}
