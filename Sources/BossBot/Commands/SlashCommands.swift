import BossCore
import BossDiscord

/// The slash commands registered at start (`PUT /applications/{id}/commands`), mirroring the prefix
/// commands.
public enum SlashCommands {
    struct Definition: Encodable {
        var name: String
        var description: String
        var type = 1
        var options: [Option]?
        /// "0": hidden from members without Administrator until the server says otherwise.
        var defaultMemberPermissions: String?
    }
    struct Option: Encodable {
        var type = 3  // string; 5: boolean
        var name: String
        var description: String
        var required = true
        var choices: [Choice]?
    }
    struct Choice: Encodable {
        var name: String
        var value: String
    }

    static let definitions: [Definition] = [
        Definition(
            name: "download", description: "Download media from one or more links",
            options: [
                Option(name: "url", description: "The link(s), separated by spaces"),
                Option(type: 5, name: "audio", description: "Audio only", required: false),
                Option(
                    name: "quality", description: "Video quality", required: false,
                    choices: JobOptions.qualities.map { Choice(name: $0, value: $0) }),
            ]),
        Definition(name: "queue", description: "Show running and waiting downloads"),
        Definition(name: "status", description: "Show the bot's health and figures"),
        Definition(
            name: "cancel", description: "Cancel one of your downloads",
            options: [Option(name: "job", description: "The job number from /queue")]),
        Definition(name: "plugins", description: "List the supported sites (plugins)"),
        Definition(name: "ping", description: "Show the gateway latency"),
        Definition(name: "help", description: "How to use the bot"),
        Definition(
            name: "reload", description: "Rescan the plugins folder (admins)", defaultMemberPermissions: "0"),
    ]

    /// The command's words, as a prefix command would have them: `audio: True` is `--audio`,
    /// `quality: 720` is `--quality 720`.
    public static func parsed(_ data: Interaction.CommandData) -> ParsedCommand {
        let words = (data.options ?? []).flatMap { option -> [String] in
            let value = option.value ?? ""
            switch option.name {
            case "audio": return value == "true" ? ["--audio"] : []
            case "quality": return ["--quality", value]
            default: return value.split(whereSeparator: \.isWhitespace).map(String.init)
            }
        }
        return ParsedCommand(name: data.name.lowercased(), arguments: words)
    }
}
