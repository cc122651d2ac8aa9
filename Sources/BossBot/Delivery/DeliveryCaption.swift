import BossCore
import BossDiscord

/// The text of the message that carries a job's files: `**Title** · by author`, the source, then any
/// notes. What the site wrote is escaped: it shows as written and cannot format, mask a link or
/// mention anyone.
enum DeliveryCaption {
    static func text(_ metadata: MediaMetadata, url: String, notes: [String]) -> String {
        var lines: [String] = []
        let title = metadata.title.map { Markdown.escape(String($0.prefix(200))) }
        switch (title, metadata.author.map(Markdown.escape)) {
        case (let title?, let author?): lines.append("**\(title)** · by \(author)")
        case (let title?, nil): lines.append("**\(title)**")
        case (nil, let author?): lines.append("by \(author)")
        case (nil, nil): break
        }
        lines.append(Markdown.link(metadata.sourceURL ?? url))
        return (lines + metadata.notes.map { "ℹ️ " + Markdown.escape($0) } + notes).joined(separator: "\n")
    }
}
