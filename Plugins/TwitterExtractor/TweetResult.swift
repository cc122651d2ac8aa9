/// The syndication API's `tweet-result` answer, reduced to what the plugin uses.
struct TweetResult: Decodable {
    let typename: String?
    let idString: String?
    /// HTML-escaped (`&amp;`, `&lt;`...), as the API sends it.
    let text: String?
    let user: User?
    let possiblySensitive: Bool?
    let mediaDetails: [TweetMedia]?
    let quotedTweet: QuotedTweet?
    let article: Article?
    let tombstone: Tombstone?
    /// Why a `TweetUnavailable` tweet cannot be shown, e.g. "Protected" or "NsfwLoggedOut".
    let reason: String?

    enum CodingKeys: String, CodingKey {
        case typename = "__typename"
        case idString = "id_str"
        case text, user, tombstone, reason, article
        case possiblySensitive = "possibly_sensitive"
        case mediaDetails
        case quotedTweet = "quoted_tweet"
    }

    struct User: Decodable {
        let screenName: String?
        let isProtected: Bool?

        enum CodingKeys: String, CodingKey {
            case screenName = "screen_name"
            case isProtected = "protected"
        }
    }

    /// The tweet this one quotes: its author and media.
    struct QuotedTweet: Decodable {
        let user: User?
        let mediaDetails: [TweetMedia]?
    }

    /// An X Article posted as this tweet: `{"title", "cover_media": {"media_info": {"original_img_url"}}}`.
    struct Article: Decodable {
        let title: String?
        let coverMedia: CoverMedia?

        enum CodingKeys: String, CodingKey {
            case title
            case coverMedia = "cover_media"
        }

        struct CoverMedia: Decodable {
            let mediaInfo: MediaInfo?
            enum CodingKeys: String, CodingKey { case mediaInfo = "media_info" }
        }

        struct MediaInfo: Decodable {
            let originalImgURL: String?
            enum CodingKeys: String, CodingKey { case originalImgURL = "original_img_url" }
        }
    }

    /// `{"tombstone": {"text": {"text": "..."}}}`: the notice shown in place of a removed tweet.
    struct Tombstone: Decodable {
        struct Text: Decodable { let text: String? }
        let text: Text?
    }
}
