/// What the requester asked for beyond the link, handed to plugins through `job_option`: audio only,
/// a video quality, and the largest file the job's destination takes (a Discord channel's upload limit,
/// or `BOSS_MAX_FILE_MB` for `fetch`). Plugins that ignore options keep working.
public struct JobOptions: Codable, Sendable, Equatable {
    /// Audio only (`--audio`).
    public var audioOnly: Bool
    /// `480`, `720`, `1080` or `best` (`--quality`); nil: the plugin's choice.
    public var quality: String?
    /// The largest file the destination takes, in bytes; nil: only the host's file limit.
    public var maxBytes: Int64?

    /// The qualities a requester may ask for.
    public static let qualities = ["480", "720", "1080", "best"]

    /// Options; the defaults ask for nothing special.
    public init(audioOnly: Bool = false, quality: String? = nil, maxBytes: Int64? = nil) {
        self.audioOnly = audioOnly
        self.quality = quality
        self.maxBytes = maxBytes
    }

    /// The value of option `key` as plugins read it (`audio`: "1"; `quality`; `max_bytes`: decimal),
    /// or nil when it is not set.
    public func value(for key: String) -> String? {
        switch key {
        case "audio": audioOnly ? "1" : nil
        case "quality": quality
        case "max_bytes": maxBytes.map { String($0) }
        default: nil
        }
    }
}
