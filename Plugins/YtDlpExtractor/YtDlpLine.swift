import Foundation

/// One line yt-dlp printed on stdout in the shapes `YtDlpCommand` asked for; other lines are not ours.
enum YtDlpLine: Equatable {
    static let progressPrefix = "boss-progress"
    static let infoPrefix = "boss-info"
    static let filePrefix = "boss-file"
    static let planPrefix = "boss-plan"

    /// Bytes of the current download, and its size (exact, else estimated) when known.
    case progress(done: UInt64, total: UInt64?)
    /// What yt-dlp found, before it filters and downloads.
    case info(YtDlpInfo)
    /// A finished file, under its final name.
    case file(String)
    /// A dry run's media URLs for one video.
    case planned([String])

    init?(_ line: Substring) {
        guard let space = line.firstIndex(of: " ") else { return nil }
        let rest = line[line.index(after: space)...]
        switch line[..<space] {
        case Self.progressPrefix:
            // "NA" for a field yt-dlp does not know; sizes may be fractional estimates.
            let fields = rest.split(separator: " ").map { Double($0) }
            guard fields.count == 3, let done = fields[0], done >= 0 else { return nil }
            self = .progress(done: UInt64(done), total: (fields[1] ?? fields[2]).map { UInt64(max($0, 0)) })
        case Self.infoPrefix:
            guard let info = try? JSONDecoder().decode(YtDlpInfo.self, from: Data(rest.utf8)) else {
                return nil
            }
            self = .info(info)
        case Self.filePrefix:
            guard let path = Self.jsonString(rest) else { return nil }
            self = .file(path)
        case Self.planPrefix:
            guard let urls = Self.jsonString(rest) else { return nil }
            self = .planned(urls.split(separator: "\n").map(String.init).filter { $0.hasPrefix("http") })
        default:
            return nil
        }
    }

    /// A JSON string value (yt-dlp's `j` conversion), e.g. a path with spaces or quotes.
    private static func jsonString(_ json: Substring) -> String? {
        let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        return value as? String
    }
}

/// The fields of yt-dlp's info JSON the plugin uses (`%(.{title,...})j` prints only those it has).
struct YtDlpInfo: Decodable, Equatable {
    var title: String?
    var uploader: String?
    var channel: String?
    var webpageURL: String?
    /// "is_live", "is_upcoming", "was_live", "not_live"...
    var liveStatus: String?
    /// Set for an item of a playlist: how many items the playlist has.
    var playlistCount: Int?

    enum CodingKeys: String, CodingKey {
        case title, uploader, channel
        case webpageURL = "webpage_url"
        case liveStatus = "live_status"
        case playlistCount = "playlist_count"
    }
}
