import Foundation
import PluginABI
import PluginKit

/// One Reddit link's extraction: resolve it to a post id, read the post's JSON, then download its
/// images, gallery or video, or hand a link post to the plugin of the linked site.
struct RedditExtraction {
    static let defaultAPI = "https://www.reddit.com"
    static let defaultVideoHost = "https://v.redd.it"
    let host: JobHost

    /// Where posts are read (`api_url`); share links resolve there too, since they are reddit.com paths.
    var api: String { (host.config("api_url") ?? Self.defaultAPI).trimmingCharacters(in: ["/"]) }
    /// Where `v.redd.it` links resolve (`video_url`), so tests and mirrors can stand in.
    var videoHost: String {
        (host.config("video_url") ?? Self.defaultVideoHost).trimmingCharacters(in: ["/"])
    }

    func run(url: String) -> boss_status {
        guard let link = RedditURL(url) else {
            return host.fail(BOSS_ERR_UNSUPPORTED_URL, "This is not a link to a Reddit post.")
        }
        switch link {
        case .image(let image):
            host.setMetadata("source_url", url)
            return host.fetchToFile(image, name: nil)
        case .post(let id):
            return extract(postID: id)
        case .share(let path):
            return resolve(api + path, method: BOSS_HTTP_GET)
        case .video(let id):
            return resolve(videoHost + "/" + id, method: BOSS_HTTP_HEAD)
        }
    }

    /// Follows a short link's redirects to the post it names, then extracts that post.
    func resolve(_ url: String, method: boss_http_method) -> boss_status {
        // Only the final URL matters: the body is discarded.
        let response = host.request(url, method: method, limit: 0, receive: nil)
        if let id = response.finalURL.flatMap(RedditURL.postID(in:)) { return extract(postID: id) }
        let status = response.status == BOSS_OK ? BOSS_ERR_NOT_FOUND : response.status
        return host.fail(status, "This Reddit link does not lead to a post.")
    }

    func extract(postID: String) -> boss_status {
        let (response, body) = host.get("\(api)/comments/\(postID).json?raw_json=1")
        switch (response.status, response.httpStatus) {
        case (BOSS_OK, _): break
        case (BOSS_ERR_NOT_FOUND, _):
            return host.fail(BOSS_ERR_NOT_FOUND, "This Reddit post does not exist or was deleted.")
        case (_, 403):
            return host.fail(BOSS_ERR_PRIVATE, "This post is in a private, quarantined or banned subreddit.")
        default:
            return host.fail(response, api: "Reddit's API")
        }
        let post: RedditPost
        do {
            guard let first = try JSONDecoder().decode(RedditThread.self, from: Data(body)).post else {
                return host.fail(BOSS_ERR_UPSTREAM, "Reddit's answer holds no post.")
            }
            post = first
        } catch {
            host.log(BOSS_LOG_WARNING, "post \(postID): unreadable API answer: \(error)")
            return host.fail(BOSS_ERR_UPSTREAM, "Reddit sent post data that could not be read.")
        }
        return download(post, id: postID)
    }

    func download(_ post: RedditPost, id: String) -> boss_status {
        // A crosspost carries no media of its own: the original does.
        let origin = post.crosspostParentList?.first ?? post
        if post.quarantine == true || origin.quarantine == true {
            return host.fail(BOSS_ERR_PRIVATE, "This post is in a quarantined subreddit.")
        }
        if let removal = post.removedByCategory ?? origin.removedByCategory {
            return host.fail(BOSS_ERR_NOT_FOUND, "This Reddit post was removed (\(removal)).")
        }
        describe(post, origin: origin)
        guard let media = RedditMedia(origin) else {
            if origin.author == "[deleted]" || post.author == "[deleted]" {
                return host.fail(BOSS_ERR_NOT_FOUND, "This Reddit post was deleted by its author.")
            }
            return host.fail(BOSS_ERR_NO_MEDIA, "This Reddit post has no image, video or link.")
        }
        switch media {
        case .link(let url):
            return host.redirect(url)
        case .video(let url):
            return RedditVideo(host: host).download(url, name: id)
        case .processing(let notice):
            host.log(BOSS_LOG_INFO, "post \(id): media still processing on Reddit")
            return host.fail(BOSS_ERR_UPSTREAM, notice)
        case .files(let urls):
            for (index, url) in urls.enumerated() {
                if host.isCancelled { return BOSS_ERR_CANCELLED }
                let status = host.fetchToFile(url, name: urls.count == 1 ? id : "\(id)_\(index + 1)")
                guard status == BOSS_OK else { return status }
            }
            return BOSS_OK
        }
    }

    func describe(_ post: RedditPost, origin: RedditPost) {
        if let title = post.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
            host.setMetadata("title", title.count > 200 ? String(title.prefix(199)) + "…" : title)
        }
        if let author = post.author { host.setMetadata("author", author) }
        if let permalink = post.permalink { host.setMetadata("source_url", Self.defaultAPI + permalink) }
        host.setMetadata("nsfw", post.over18 == true || origin.over18 == true ? "1" : "0")
    }
}
