import Foundation

/// Pulls links out of a download command's words: `<url>` (Discord's no-embed form), `||url||`
/// spoilers, trailing punctuation (`url.` `url,` `(url)`), several links per message. Words that are
/// not http(s) links are returned as rejected, for a specific reply.
public enum LinkParser {
    /// The most links one command may carry.
    public static let maxLinks = 10

    /// The links and the rejected words, in order.
    public static func parse(_ words: [String]) -> (links: [RequestedLink], rejected: [String]) {
        var links: [RequestedLink] = []
        var rejected: [String] = []
        for word in words {
            var text = Substring(word)
            var spoiler = false
            if text.hasPrefix("||") && text.hasSuffix("||") && text.count > 4 {
                text = text.dropFirst(2).dropLast(2)
                spoiler = true
            }
            if text.hasPrefix("<") && text.hasSuffix(">") { text = text.dropFirst().dropLast() }
            text = trimTrailingPunctuation(text)
            if let url = validURL(String(text)) {
                if !links.contains(where: { $0.url == url }) {
                    links.append(RequestedLink(url: url, isSpoiler: spoiler))
                }
            } else {
                rejected.append(word)
            }
        }
        return (links, rejected)
    }

    /// An absolute http(s) URL with a host, or nil.
    static func validURL(_ text: String) -> String? {
        guard text.count <= 2048, let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.encodedHost, !host.isEmpty
        else { return nil }
        return text
    }

    /// Sentence punctuation after a link is not part of it; a `)` is, when the link opened one.
    static func trimTrailingPunctuation(_ text: Substring) -> Substring {
        var text = text
        if text.hasPrefix("(") { text = text.dropFirst() }
        while let last = text.last {
            if ".,!?;:'\"".contains(last) {
                text = text.dropLast()
            } else if last == ")" && text.filter({ $0 == "(" }).count < text.filter({ $0 == ")" }).count {
                text = text.dropLast()
            } else {
                break
            }
        }
        return text
    }
}
