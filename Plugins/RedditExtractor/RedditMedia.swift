import Foundation

/// What a post offers for download.
enum RedditMedia: Equatable {
    /// Images, GIFs or gallery items, in the post's order.
    case files([String])
    /// A Reddit-hosted video: its `fallback_url` (video only; the audio track sits beside it).
    case video(String)
    /// A link to another site, handed to whichever plugin claims it.
    case link(String)
    /// Media Reddit has not finished processing (a fresh upload): what to tell the user.
    case processing(String)
}

extension RedditMedia {
    /// The post's media, or nil for a text post or one whose media is gone.
    init?(_ post: RedditPost) {
        if let gallery = RedditGallery(post) {
            guard let media = gallery.media else { return nil }
            self = media
            return
        }
        if post.isVideo == true {
            // Until Reddit has transcoded an upload, the post has no `reddit_video` at all.
            guard let video = (post.media ?? post.secureMedia)?.redditVideo?.fallbackURL else {
                self = .processing("This video is still processing on Reddit; try again in a minute.")
                return
            }
            self = .video(video)
            return
        }
        let site = (post.domain ?? post.url.flatMap { URLComponents(string: $0)?.encodedHost } ?? "")
            .lowercased()
        if let url = post.url, site == "i.redd.it" {
            self = .files([url])
        } else if let url = post.url, post.isSelf != true, !Self.isReddit(site),
            url.lowercased().hasPrefix("http")
        {
            self = Self.linkedVideoPreview(of: post).map { .files([$0]) } ?? .link(url)
        } else if let preview = post.preview?.images?.first?.source.url {
            self = .files([preview])
        } else {
            return nil
        }
    }

    /// Reddit's own domains: "self.<sub>" text posts, reddit.com, and the redd.it media hosts.
    static func isReddit(_ site: String) -> Bool {
        site.isEmpty || site.hasPrefix("self.") || site == "reddit.com" || site.hasSuffix(".reddit.com")
            || site == "redd.it" || site.hasSuffix(".redd.it")
    }

    /// Extensions of links straight to a media file, which the plugin that claims them fetches whole.
    static let mediaExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "mp4", "mov", "webm", "mkv", "mp3", "m4a", "ogg",
    ]

    /// Reddit's MP4 of a linked animation (`preview.reddit_video_preview`), used in place of the link
    /// when no plugin is likely to fetch the link as a video: an imgur `.gifv` page, a gfycat link (the
    /// site is gone), or a plain `link` post to a page that is not a media file. A direct media link or
    /// an embed Reddit marks `rich:video` is left to the plugin that claims it: its original is better.
    static func linkedVideoPreview(of post: RedditPost) -> String? {
        guard let video = post.preview?.redditVideoPreview?.fallbackURL, let url = post.url,
            let link = URLComponents(string: url)
        else { return nil }
        let path = link.path.lowercased()
        let site = link.encodedHost?.lowercased() ?? ""
        if path.hasSuffix(".gifv") || site == "gfycat.com" || site.hasSuffix(".gfycat.com") { return video }
        let isMediaFile = mediaExtensions.contains((path as NSString).pathExtension)
        return post.postHint == "link" && !isMediaFile ? video : nil
    }
}
