/// A gallery post's items: the gallery's order comes from `gallery_data`, each item's files from its
/// `media_metadata` entry.
struct RedditGallery {
    /// The source rendition of each item that has one, in the gallery's order.
    let urls: [String]
    /// Whether some item has no rendition yet because Reddit is still processing it.
    let isProcessing: Bool

    /// Nil when the post is not a gallery.
    init?(_ post: RedditPost) {
        guard let items = post.galleryData?.items, !items.isEmpty else { return nil }
        let entries = items.map { post.mediaMetadata?[$0.mediaID] }
        // Items whose processing failed have no source rendition: skip them, keep the rest.
        urls = entries.compactMap { $0?.s.flatMap { $0.u ?? $0.gif ?? $0.mp4 } }
        // A fresh upload's entries say "unprocessed" (or are not there yet) until Reddit is done.
        isProcessing = entries.contains { $0 == nil || ($0?.status == "unprocessed" && $0?.s == nil) }
    }

    /// What the gallery offers: its files, the processing notice, or nil when every item failed.
    var media: RedditMedia? {
        if !urls.isEmpty { return .files(urls) }
        return isProcessing
            ? .processing("This gallery is still processing on Reddit; try again in a minute.") : nil
    }
}
