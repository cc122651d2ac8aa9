import BossCore
import BossDiscord

/// The options of a download command, taken out of its words: `--audio` (audio only) and
/// `--quality Q` / `--quality=Q` with Q one of `JobOptions.qualities`. The other words are the links.
enum DownloadOptions {
    /// Why the options could not be read, as a sentence for the user.
    struct Mistake: Error, Equatable {
        let sentence: String
    }

    /// The options and the remaining words, or the mistake.
    static func split(_ words: [String]) -> Result<(options: JobOptions, rest: [String]), Mistake> {
        var options = JobOptions()
        var rest: [String] = []
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            switch word.lowercased() {
            case "--audio", "-a":
                options.audioOnly = true
            case "--quality", "-q":
                guard index < words.endIndex else { return .failure(missingQuality) }
                guard let quality = quality(words[index]) else { return .failure(badQuality(words[index])) }
                options.quality = quality
                index += 1
            case let flag where flag.hasPrefix("--quality="):
                let value = String(word.dropFirst("--quality=".count))
                guard let quality = quality(value) else { return .failure(badQuality(value)) }
                options.quality = quality
            default:
                rest.append(word)
            }
        }
        return .success((options, rest))
    }

    /// `720`, `720p` and `BEST` are understood.
    private static func quality(_ text: String) -> String? {
        let value =
            text.lowercased().hasSuffix("p") ? String(text.lowercased().dropLast()) : text.lowercased()
        return JobOptions.qualities.contains(value) ? value : nil
    }

    private static let choices = JobOptions.qualities.map { "`\($0)`" }.joined(separator: ", ")
    private static let missingQuality = Mistake(sentence: "`--quality` needs a value: one of \(choices).")

    private static func badQuality(_ value: String) -> Mistake {
        Mistake(
            sentence: "\(Markdown.code(String(value.prefix(20)))) is not a quality; use one of \(choices).")
    }
}
