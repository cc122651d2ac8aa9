import Foundation

/// A front end's data kept in `Job.context` (where to deliver, for whom), stored as JSON: the queue
/// keeps it unchanged and never reads it.
public protocol JobContextPayload: Codable {}

extension JobContextPayload {
    /// The JSON the queue stores.
    public var encoded: String {
        String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Reads a stored context; nil when the text is not one of these.
    public static func decode(_ text: String) -> Self? {
        try? JSONDecoder().decode(Self.self, from: Data(text.utf8))
    }
}
