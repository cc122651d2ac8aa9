/// What a plugin told the host about the media, for the message that carries the files.
public struct MediaMetadata: Sendable, Codable, Equatable {
    /// The post's title or text, if any.
    public var title: String?
    /// Who posted it.
    public var author: String?
    /// The canonical URL of the post.
    public var sourceURL: String?
    /// Whether the source marks the media as not safe for work (the message is spoilered).
    public var isNSFW = false
    /// Sentences the plugin wants shown with the files (at most 5, each at most 300 characters).
    public var notes: [String] = []

    /// Creates empty metadata.
    public init() {}

    /// Applies one `set_metadata` key; false for an unknown key.
    mutating func set(key: String, value: String) -> Bool {
        switch key {
        case "title": title = value
        case "author": author = value
        case "source_url": sourceURL = value
        case "nsfw": isNSFW = value == "1" || value.lowercased() == "true"
        case "note" where notes.count < 5: notes.append(String(value.prefix(300)))
        case "note": break
        default: return false
        }
        return true
    }
}
