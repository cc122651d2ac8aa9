import Foundation
import PluginABI
import PluginKit

/// One tweet's extraction: fetch the syndication JSON, explain what is not downloadable, then stream
/// every media item (or the one the link selects) into the sink; `TweetContent` picks the media.
struct TwitterExtraction {
    static let defaultAPI = "https://cdn.syndication.twimg.com"
    let host: JobHost

    func run(url: String) -> boss_status {
        guard let tweet = TweetURL(url) else {
            return host.fail(BOSS_ERR_UNSUPPORTED_URL, "This is not a link to a tweet.")
        }
        let api = (host.config("api_url") ?? Self.defaultAPI).trimmingCharacters(in: ["/"])
        let (response, body) = host.get("\(api)/tweet-result?id=\(tweet.id)&token=\(tweet.token)")
        switch response.status {
        case BOSS_OK: break
        case BOSS_ERR_NOT_FOUND:
            return host.fail(BOSS_ERR_NOT_FOUND, "This tweet does not exist or was deleted.")
        default:
            return host.fail(response, api: "Twitter's API")
        }
        let result: TweetResult
        do {
            result = try JSONDecoder().decode(TweetResult.self, from: Data(body))
        } catch {
            host.log(BOSS_LOG_WARNING, "tweet \(tweet.id): unreadable API answer: \(error)")
            return host.fail(BOSS_ERR_UPSTREAM, "Twitter sent tweet data that could not be read.")
        }
        let content = TweetContent(result)
        if let refusal = refusal(of: result, content: content) { return refusal }
        describe(result, content: content, id: tweet.id, url: url)
        return download(content.media, tweet: tweet)
    }

    /// The status for a tweet that cannot be shown, or nil when it can.
    func refusal(of result: TweetResult, content: TweetContent) -> boss_status? {
        // The notice ends with the label of a help link the user cannot follow from a message.
        var notice = (result.tombstone?.text?.text ?? "").trimmingCharacters(in: .whitespaces)
        if notice.hasSuffix(" Learn more") { notice.removeLast(" Learn more".count) }
        switch result.typename {
        case "TweetTombstone":
            let lower = notice.lowercased()
            if lower.contains("adult") || lower.contains("age-restricted") || lower.contains("age restricted")
            {
                return host.fail(BOSS_ERR_PRIVATE, "This tweet is age-restricted: \(notice)")
            }
            let why = notice.isEmpty ? "" : ": \(notice)"
            return host.fail(BOSS_ERR_NOT_FOUND, "This tweet is unavailable or was deleted\(why)")
        case "TweetUnavailable":
            if result.reason == "Protected" || result.reason == "NsfwLoggedOut" {
                return host.fail(BOSS_ERR_PRIVATE, "This tweet is protected or age-restricted.")
            }
            return host.fail(BOSS_ERR_NOT_FOUND, "This tweet is unavailable.")
        default: break
        }
        guard result.idString != nil else {
            // The API answers `{}` for tweets it will not show.
            return host.fail(BOSS_ERR_NOT_FOUND, "This tweet is unavailable or was deleted.")
        }
        if content.media.isEmpty {
            if result.user?.isProtected == true {
                return host.fail(BOSS_ERR_PRIVATE, "This tweet is from a protected account.")
            }
            return host.fail(BOSS_ERR_NO_MEDIA, "This tweet has no photo, video or GIF.")
        }
        return nil
    }

    func describe(_ result: TweetResult, content: TweetContent, id: String, url: String) {
        if let note = content.note { host.setMetadata("note", note) }
        if let text = content.title?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
            host.setMetadata("title", text.count > 200 ? String(text.prefix(199)) + "…" : text)
        }
        if let author = result.user?.screenName {
            host.setMetadata("author", author)
            host.setMetadata("source_url", "https://x.com/\(author)/status/\(id)")
        } else {
            host.setMetadata("source_url", url)
        }
        host.setMetadata("nsfw", result.possiblySensitive == true ? "1" : "0")
    }

    func download(_ media: [TweetMedia], tweet: TweetURL) -> boss_status {
        var chosen = Array(media.enumerated())
        if let item = tweet.item {
            guard item <= media.count else {
                return host.fail(BOSS_ERR_NOT_FOUND, "This tweet has only \(media.count) media item(s).")
            }
            chosen = [chosen[item - 1]]
        }
        for (index, item) in chosen {
            if host.isCancelled { return BOSS_ERR_CANCELLED }
            let status = fetchFirstFitting(item.candidates, name: "\(tweet.id)_\(index + 1)")
            guard status == BOSS_OK else { return status }
        }
        return BOSS_OK
    }

    /// Fetches the first candidate within the host's size limit (a HEAD probe spares a doomed GET).
    func fetchFirstFitting(_ candidates: [String], name: String) -> boss_status {
        guard !candidates.isEmpty else {
            return host.fail(BOSS_ERR_NO_MEDIA, "A media item of this tweet has no downloadable file.")
        }
        for (index, url) in candidates.enumerated() {
            // Probe only when there is a smaller fallback: the last try fails before any byte anyway.
            if index < candidates.count - 1, host.head(url).status == BOSS_ERR_TOO_LARGE { continue }
            let status = host.fetchToFile(url, name: name)
            if status != BOSS_ERR_TOO_LARGE { return status }
        }
        return host.fail(BOSS_ERR_TOO_LARGE, "Every version of this video is over the size limit.")
    }
}
