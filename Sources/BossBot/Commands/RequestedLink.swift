import Foundation

/// A link a user asked for.
public struct RequestedLink: Equatable, Sendable {
    /// The http(s) URL, cleaned of Discord markup and trailing punctuation.
    public var url: String
    /// The user wrapped it in `||spoiler||` bars: the files are sent as spoilers too.
    public var isSpoiler: Bool

    /// Creates a link.
    public init(url: String, isSpoiler: Bool = false) {
        self.url = url
        self.isSpoiler = isSpoiler
    }
}
