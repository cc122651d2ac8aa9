/// One URL a plugin would fetch, recorded instead of downloaded in a dry run.
public struct PlannedDownload: Sendable, Codable, Equatable {
    /// The media URL.
    public var url: String
    /// The name the plugin suggested, if any.
    public var suggestedName: String?

    /// Creates a record.
    public init(url: String, suggestedName: String?) {
        self.url = url
        self.suggestedName = suggestedName
    }
}
