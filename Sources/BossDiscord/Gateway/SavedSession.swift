import Foundation

/// A gateway session written down at shutdown, so the next start can RESUME it (and receive what was
/// sent meanwhile) instead of spending an IDENTIFY. Discord keeps a session only briefly after its
/// connection closes, so an old one is not worth trying.
public struct SavedSession: Codable, Sendable, Equatable {
    /// READY's `session_id`.
    public var sessionID: String
    /// READY's `resume_gateway_url`.
    public var resumeURL: String
    /// The last sequence number handled.
    public var sequence: Int?
    /// The bot's user (a RESUME brings no READY to tell it again).
    public var userID: Snowflake
    /// The bot's application.
    public var applicationID: Snowflake
    /// When it was written.
    public var savedAt: Date

    /// How long after a shutdown a RESUME is still tried.
    public static let maxAge: TimeInterval = 120

    /// Creates a saved session.
    public init(
        sessionID: String, resumeURL: String, sequence: Int?, userID: Snowflake, applicationID: Snowflake,
        savedAt: Date = Date()
    ) {
        self.sessionID = sessionID
        self.resumeURL = resumeURL
        self.sequence = sequence
        self.userID = userID
        self.applicationID = applicationID
        self.savedAt = savedAt
    }

    /// The file a shard's session is saved in: `gateway-session.json` for an unsharded bot (the name from
    /// before shards, so an upgrade still resumes), `gateway-session-N-of-M.json` for shard N of M.
    public static func fileName(for shard: ShardInfo) -> String {
        shard == ShardInfo(id: 0, count: 1)
            ? "gateway-session.json" : "gateway-session-\(shard.id)-of-\(shard.count).json"
    }

    /// Writes the session to `path`, readable by the owner only (with the token, it resumes the bot).
    public func write(to path: String) throws {
        let data = try JSONEncoder().encode(self)
        guard
            FileManager.default.createFile(
                atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    }

    /// Reads and removes the session at `path` (it is good for one try); nil when there is none, it is
    /// unreadable, or older than `maxAge`.
    public static func take(from path: String, now: Date = Date()) -> SavedSession? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        try? FileManager.default.removeItem(atPath: path)
        guard let saved = try? JSONDecoder().decode(SavedSession.self, from: data),
            now.timeIntervalSince(saved.savedAt) < maxAge
        else { return nil }
        return saved
    }
}
