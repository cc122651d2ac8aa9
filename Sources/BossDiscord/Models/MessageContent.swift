/// Message text as Discord measures it: the 2000-character limit counts Unicode code points, not the
/// graphemes Swift's `String.count` sees (a skin-toned emoji is one grapheme but two code points).
public enum MessageContent {
    /// Discord's limit on a message's `content`, in code points.
    public static let maxCodePoints = 2000

    /// `text` when it fits in `limit` code points; else its longest run of whole graphemes that fits
    /// with "…" after it, so no emoji or accented letter is cut in half.
    public static func clip(_ text: String, toCodePoints limit: Int = maxCodePoints) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        let ellipsis = "…"
        var budget = limit - ellipsis.unicodeScalars.count
        var end = text.startIndex
        while end < text.endIndex {
            let next = text.index(after: end)
            budget -= text.unicodeScalars[end..<next].count
            guard budget >= 0 else { break }
            end = next
        }
        return String(text[..<end]) + ellipsis
    }
}
