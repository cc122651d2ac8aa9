import Foundation

/// What a post offers for download.
enum RedditMedia: Equatable {
    /// Images, GIFs or gallery items, in the post's order.
    case files([String])
    /// A Reddit-hosted video: its `fallback_url` (video only; the audio track sits beside it).
    case video(String)
    /// A link to another site, handed to whichever plugin claims it.
    case link(String)
}

extension RedditPost {
    /// The post's media, or nil for a text post or one whose media is gone.
    var downloadable: RedditMedia? {
        if let items = galleryData?.items, !items.isEmpty {
            // Items whose processing failed have no source rendition: skip them, keep the rest.
            let urls = items.compactMap { item in
                mediaMetadata?[item.mediaID]?.s.flatMap { $0.u ?? $0.gif ?? $0.mp4 }
            }
            return urls.isEmpty ? nil : .files(urls)
        }
        if isVideo == true, let video = (media ?? secureMedia)?.redditVideo?.fallbackURL {
            return .video(video)
        }
        let site = (domain ?? url.flatMap { URLComponents(string: $0)?.host } ?? "").lowercased()
        if let url, site == "i.redd.it" { return .files([url]) }
        if let url, isSelf != true, !Self.isReddit(site), url.lowercased().hasPrefix("http") {
            return .link(url)
        }
        if let preview = preview?.images?.first?.source.url { return .files([preview]) }
        return nil
    }

    /// Reddit's own domains: "self.<sub>" text posts, reddit.com, and the redd.it media hosts.
    static func isReddit(_ site: String) -> Bool {
        site.isEmpty || site.hasPrefix("self.") || site == "reddit.com" || site.hasSuffix(".reddit.com")
            || site == "redd.it" || site.hasSuffix(".redd.it")
    }
}
