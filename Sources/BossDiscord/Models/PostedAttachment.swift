/// An attachment of a posted message.
public struct PostedAttachment: Codable, Sendable, Equatable {
    /// The file's name.
    public var filename: String
    /// Its size in bytes.
    public var size: Int
    /// The CDN URL.
    public var url: String
}
