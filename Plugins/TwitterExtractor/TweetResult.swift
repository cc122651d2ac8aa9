/// The syndication API's `tweet-result` answer, reduced to what the plugin uses.
struct TweetResult: Decodable {
    let typename: String?
    let idString: String?
    let text: String?
    let user: User?
    let possiblySensitive: Bool?
    let mediaDetails: [Media]?
    let tombstone: Tombstone?
    /// Why a `TweetUnavailable` tweet cannot be shown, e.g. "Protected" or "NsfwLoggedOut".
    let reason: String?

    enum CodingKeys: String, CodingKey {
        case typename = "__typename"
        case idString = "id_str"
        case text, user, tombstone, reason
        case possiblySensitive = "possibly_sensitive"
        case mediaDetails
    }

    struct User: Decodable {
        let screenName: String?
        let isProtected: Bool?

        enum CodingKeys: String, CodingKey {
            case screenName = "screen_name"
            case isProtected = "protected"
        }
    }

    struct Media: Decodable {
        let type: String
        let mediaURLHTTPS: String?
        let videoInfo: VideoInfo?

        enum CodingKeys: String, CodingKey {
            case type
            case mediaURLHTTPS = "media_url_https"
            case videoInfo = "video_info"
        }
    }

    struct VideoInfo: Decodable {
        let variants: [Variant]
    }

    struct Variant: Decodable {
        let contentType: String?
        let bitrate: Int?
        let url: String

        enum CodingKeys: String, CodingKey {
            case contentType = "content_type"
            case bitrate, url
        }
    }

    /// `{"tombstone": {"text": {"text": "..."}}}`: the notice shown in place of a removed tweet.
    struct Tombstone: Decodable {
        struct Text: Decodable { let text: String? }
        let text: Text?
    }
}

extension TweetResult.Media {
    /// The URLs to try for this item, best first: the original-size photo, or the MP4 variants by
    /// falling bitrate (the next one is the fallback when a file is over the size limit).
    var candidates: [String] {
        if type == "photo", let url = mediaURLHTTPS {
            return [url + (url.contains("?") ? "&" : "?") + "name=orig"]
        }
        let mp4 = (videoInfo?.variants ?? []).filter { $0.contentType == "video/mp4" }
        return mp4.sorted { ($0.bitrate ?? 0) > ($1.bitrate ?? 0) }.map(\.url)
    }
}
