/// Text from outside the bot (titles and authors from sites, file names, the user's own words) put
/// into a Discord message so that it shows as written: it cannot format, hide a link behind other
/// words, open a heading or quote, close a code span, or mention anyone.
public enum Markdown {
    /// `text` on one line with every character Discord's markdown gives a meaning backslash-escaped:
    /// emphasis `* _ ~`, spoilers `|`, code `` ` ``, masked links `[ ] ( )`, autolinks and mentions
    /// `< > @`, headings `#`, quotes `>`, lists `-`, the backslash itself, and `:` (so a URL in a
    /// title is not made a link with a preview of its site, and no `:emoji:` is drawn).
    public static func escape(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in oneLine(text).unicodeScalars {
            if special.contains(scalar) { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }

    /// `text` as inline code, on one line. A code span has no escapes, so a backtick inside would end
    /// it: backticks become the look-alike `ˋ` (U+02CB). Inside, nothing else is markdown.
    public static func code(_ text: String) -> String {
        let inner = oneLine(text).replacingOccurrences(of: "`", with: "\u{2CB}")
        return "`" + (inner.isEmpty ? " " : inner) + "`"
    }

    /// `url` as a link without an embed, `<url>`. Characters that would end the brackets or the link
    /// (`<`, `>`, whitespace, controls) are percent-encoded, which keeps the link working.
    public static func link(_ url: String) -> String {
        var encoded = ""
        for scalar in url.unicodeScalars {
            if scalar == "<" || scalar == ">" || scalar.properties.isWhitespace || scalar.value < 0x20
                || scalar.value == 0x7F
            {
                for byte in scalar.utf8 {
                    encoded += "%" + String(Int(byte) | 0x100, radix: 16, uppercase: true).dropFirst()
                }
            } else {
                encoded.unicodeScalars.append(scalar)
            }
        }
        return "<" + encoded + ">"
    }

    private static let special = Set("\\*_~|`[]()<>@#-:".unicodeScalars)

    /// Line breaks (which could start a heading, a quote or a list) and other controls become spaces.
    private static func oneLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.properties.generalCategory == .control || isBreak($0) ? " " : $0
                }))
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
