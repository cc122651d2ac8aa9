import Foundation

/// Where a job's reply goes and for whom: a front end's data kept in `Job.context` (a Discord channel
/// and requester, a CLI output folder), stored as JSON. The queue keeps it unchanged and never reads it.
public protocol ReplyContext: Codable {}

extension ReplyContext {
    /// The JSON the queue stores.
    public var encoded: String {
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Reads a stored context; nil when the text is not one of these.
    public static func decode(_ text: String) -> Self? {
        try? JSONDecoder().decode(Self.self, from: Data(text.utf8))
    }
}
