/// What a tweet delivers and how it is titled: its own media; else an X Article's cover image; else
/// the media of the tweet it quotes, with a note saying whose they are.
struct TweetContent {
    let media: [TweetMedia]
    /// The article's title, else the tweet's text (unescaped: the API sends it HTML-escaped).
    let title: String?
    /// Where the media came from, when not from the tweet itself.
    let note: String?

    init(_ result: TweetResult) {
        let articleTitle = result.article?.title.flatMap { $0.isEmpty ? nil : $0 }
        title = articleTitle ?? result.text.map(HTMLText.unescaped)
        if let own = result.mediaDetails, !own.isEmpty {
            (media, note) = (own, nil)
        } else if let cover = result.article?.coverMedia?.mediaInfo?.originalImgURL {
            (media, note) = ([.photo(cover)], nil)
        } else if let quoted = result.quotedTweet, let theirs = quoted.mediaDetails, !theirs.isEmpty {
            let by = quoted.user?.screenName.map { " by @\($0)" } ?? ""
            (media, note) = (theirs, "From the quoted tweet\(by).")
        } else {
            (media, note) = ([], nil)
        }
    }
}
