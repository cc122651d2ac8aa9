import Foundation

/// Turns a name a plugin suggested into one that is safe on disk and in Discord: one path component,
/// no control or direction-changing characters, no leading dot, at most 100 bytes of UTF-8, never empty.
public enum FileNameSanitizer {
    /// The longest name, in UTF-8 bytes, extension included.
    public static let maxBytes = 100

    /// A safe `stem.ext` for `suggested` (`stem-N.ext` with a `counter` N, which is never cut off when
    /// the stem is shortened). The suggestion's own extension is dropped: `ext` (from the detected
    /// type) decides.
    public static func sanitize(
        _ suggested: String?, extension ext: String, counter: Int? = nil, fallbackStem: String = "media"
    ) -> String {
        let suffix = counter.map { "-\($0)" } ?? ""
        let dotExtension = "." + ext
        var stem = cleanStem(suggested ?? "")
        let budget = maxBytes - suffix.utf8.count - dotExtension.utf8.count
        // Whole graphemes go, so no character is cut in half; one grapheme can be over the budget
        // alone (a letter with many combining marks), and the fallback applies to what is left.
        while stem.utf8.count > budget { stem.removeLast() }
        stem = stem.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
        if stem.isEmpty { stem = fallbackStem }
        return stem + suffix + dotExtension
    }

    private static func cleanStem(_ raw: String) -> String {
        let composed = raw.precomposedStringWithCanonicalMapping
        // The last component only: "a/b\\c.jpg" names "c.jpg".
        let component =
            composed.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var kept = String.UnicodeScalarView()
        for scalar in component.unicodeScalars {
            if isDropped(scalar) { continue }
            kept.append(isReplaced(scalar) ? "_" : scalar)
        }
        var stem = String(kept)
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex,
            stem.distance(from: dot, to: stem.endIndex) <= 6
        {
            stem = String(stem[..<dot])
        }
        while stem.contains("..") { stem = stem.replacingOccurrences(of: "..", with: ".") }
        return stem.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".")))
    }

    /// Controls, bidi overrides/isolates/marks and zero-width characters vanish.
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0x061C, 0xFEFF: true
        default: false
        }
    }

    /// Characters that are separators or unsafe on common filesystems become "_".
    private static func isReplaced(_ scalar: Unicode.Scalar) -> Bool {
        ":*?\"<>|".unicodeScalars.contains(scalar)
    }
}
