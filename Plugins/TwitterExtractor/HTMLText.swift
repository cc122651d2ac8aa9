/// Text that arrives HTML-escaped (the syndication API escapes `<`, `>`, `&`, quotes in tweet text).
enum HTMLText {
    static let named: [Substring: Character] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    /// `text` with each character reference (`&amp;`, `&#39;`, `&#x27;`) replaced once, in one pass:
    /// `&amp;lt;` becomes `&lt;`, as a browser shows it. Anything else stays as it is.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[rest.index(after: ampersand)...]
            guard let semicolon = rest.prefix(10).firstIndex(of: ";"),
                let character = character(for: rest[..<semicolon])
            else {
                result.append("&")
                continue
            }
            result.append(character)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// The character a reference's name (`amp`, `#39`, `#x27`) stands for.
    static func character(for name: Substring) -> Character? {
        if let character = named[name] { return character }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let isHex = digits.first == "x" || digits.first == "X"
        guard let code = UInt32(isHex ? digits.dropFirst() : digits, radix: isHex ? 16 : 10),
            let scalar = Unicode.Scalar(code)
        else { return nil }
        return Character(scalar)
    }
}
