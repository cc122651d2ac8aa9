import Foundation

/// What a Reddit link points at, before any request.
enum RedditURL: Equatable {
    /// A post by id (`/comments/<id>` in a subreddit or a user's profile, `/gallery/<id>`, `redd.it/<id>`).
    case post(id: String)
    /// A share link (`/r/<sub>/s/<code>`) that redirects to a post: the path to resolve.
    case share(path: String)
    /// A `v.redd.it/<id>` video link that redirects to its post.
    case video(id: String)
    /// An `i.redd.it` image, fetched as it is.
    case image(url: String)

    static let site = "^https?://((www|old|new|np|m)\\.)?reddit\\.com/"
    static let id = "[a-z0-9]{1,12}"
    /// The routing patterns, kept in step with `init?(_:)`.
    static let patterns = [
        site + "((r|u|user)/[A-Za-z0-9_-]{1,32}/)?comments/\(id)(/[^?#]*)?([?#].*)?$",
        site + "gallery/\(id)/?([?#].*)?$",
        site + "r/[A-Za-z0-9_]{1,32}/s/[A-Za-z0-9]{1,32}/?([?#].*)?$",
        "^https?://(www\\.)?redd\\.it/\(id)/?([?#].*)?$",
        "^https?://v\\.redd\\.it/[A-Za-z0-9]{1,32}/?([?#].*)?$",
        "^https?://i\\.redd\\.it/[A-Za-z0-9_-]{1,64}\\.[A-Za-z0-9]{2,5}([?#].*)?$",
    ]

    init?(_ url: String) {
        guard let components = URLComponents(string: url), var host = components.encodedHost?.lowercased(),
            ["http", "https"].contains(components.scheme?.lowercased() ?? "")
        else { return nil }
        let parts = components.path.split(separator: "/").map(String.init)
        switch host {
        case "i.redd.it":
            guard parts.count == 1 else { return nil }
            self = .image(url: url)
            return
        case "v.redd.it":
            guard parts.count == 1 else { return nil }
            self = .video(id: parts[0])
            return
        case "redd.it", "www.redd.it":
            guard parts.count == 1 else { return nil }
            self = .post(id: parts[0].lowercased())
            return
        default: break
        }
        for prefix in ["www.", "old.", "new.", "np.", "m."] where host.hasPrefix(prefix) {
            host.removeFirst(prefix.count)
        }
        guard host == "reddit.com" else { return nil }
        self.init(redditPath: parts)
    }

    /// Parses the path of a reddit.com link, also used on a share link's final URL.
    init?(redditPath parts: [String]) {
        let lower = parts.map { $0.lowercased() }
        if lower.count >= 4, lower[0] == "r", lower[2] == "s" {
            self = .share(path: "/" + parts[0...3].joined(separator: "/"))
        } else if let index = lower.firstIndex(where: { $0 == "comments" || $0 == "gallery" }),
            index + 1 < lower.count, index == 0 || (index == 2 && ["r", "u", "user"].contains(lower[0]))
        {
            self = .post(id: lower[index + 1])
        } else {
            return nil
        }
    }

    /// The post id in a resolved URL (a share link's or video's final URL), if it names a post.
    static func postID(in url: String) -> String? {
        guard let path = URLComponents(string: url)?.path,
            case .post(let id) = RedditURL(redditPath: path.split(separator: "/").map(String.init))
        else { return nil }
        return id
    }
}
