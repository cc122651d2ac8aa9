/// A post from `/comments/<id>.json`, reduced to what the plugin uses. Every field is optional:
/// posts of different kinds carry different subsets.
struct RedditPost: Decodable {
    let id: String?
    let title: String?
    let author: String?
    let permalink: String?
    let url: String?
    let domain: String?
    let isSelf: Bool?
    let isVideo: Bool?
    /// Reddit's guess at the kind of post: "image", "hosted:video", "rich:video", "link"...
    let postHint: String?
    let over18: Bool?
    let quarantine: Bool?
    let removedByCategory: String?
    let media: Media?
    let secureMedia: Media?
    let preview: Preview?
    let galleryData: GalleryData?
    let mediaMetadata: [String: MediaItem]?
    let crosspostParentList: [RedditPost]?

    enum CodingKeys: String, CodingKey {
        case id, title, author, permalink, url, domain, media, preview, quarantine
        case isSelf = "is_self"
        case isVideo = "is_video"
        case postHint = "post_hint"
        case over18 = "over_18"
        case removedByCategory = "removed_by_category"
        case secureMedia = "secure_media"
        case galleryData = "gallery_data"
        case mediaMetadata = "media_metadata"
        case crosspostParentList = "crosspost_parent_list"
    }

    struct Media: Decodable {
        let redditVideo: Video?
        enum CodingKeys: String, CodingKey { case redditVideo = "reddit_video" }
    }

    struct Video: Decodable {
        let fallbackURL: String
        enum CodingKeys: String, CodingKey { case fallbackURL = "fallback_url" }
    }

    struct Preview: Decodable {
        struct Image: Decodable { let source: Source }
        struct Source: Decodable { let url: String }
        let images: [Image]?
        /// Reddit's MP4 rendition of a linked animation (imgur `.gifv`, gfycat).
        let redditVideoPreview: Video?

        enum CodingKeys: String, CodingKey {
            case images
            case redditVideoPreview = "reddit_video_preview"
        }
    }

    struct GalleryData: Decodable {
        struct Item: Decodable {
            let mediaID: String
            enum CodingKeys: String, CodingKey { case mediaID = "media_id" }
        }
        let items: [Item]
    }

    /// One `media_metadata` entry; `s` is the source rendition (absent when processing failed).
    struct MediaItem: Decodable {
        struct Source: Decodable {
            let u: String?
            let gif: String?
            let mp4: String?
        }
        let status: String?
        let s: Source?
    }
}

/// The endpoint answers `[post listing, comment listing]`; only the first element is read, so the
/// comments (whose shapes vary) never have to decode.
struct RedditThread: Decodable {
    let post: RedditPost?

    private struct Listing: Decodable {
        struct Child: Decodable { let data: RedditPost }
        struct Body: Decodable { let children: [Child] }
        let data: Body
    }

    init(from decoder: any Decoder) throws {
        var array = try decoder.unkeyedContainer()
        post = try array.decode(Listing.self).data.children.first?.data
    }
}
