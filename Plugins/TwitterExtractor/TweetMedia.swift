/// One `mediaDetails` item of a syndication answer: a photo, a video or an animated GIF.
struct TweetMedia: Decodable {
    let type: String
    let mediaURLHTTPS: String?
    let videoInfo: VideoInfo?

    enum CodingKeys: String, CodingKey {
        case type
        case mediaURLHTTPS = "media_url_https"
        case videoInfo = "video_info"
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

    /// A photo from a URL found elsewhere in the answer (an X Article's cover image).
    static func photo(_ url: String) -> TweetMedia {
        TweetMedia(type: "photo", mediaURLHTTPS: url, videoInfo: nil)
    }

    /// The URLs to try for this item, best first: the original-size photo, or the MP4 variants by
    /// falling bitrate (the next one is the fallback when a file is over the size limit). Videos and
    /// animated GIFs alike: Twitter serves a GIF as a silent MP4 (its one variant has bitrate 0).
    var candidates: [String] {
        if type == "photo", let url = mediaURLHTTPS {
            return [url + (url.contains("?") ? "&" : "?") + "name=orig"]
        }
        let mp4 = (videoInfo?.variants ?? []).filter { $0.contentType == "video/mp4" }
        return mp4.sorted { ($0.bitrate ?? 0) > ($1.bitrate ?? 0) }.map(\.url)
    }
}
