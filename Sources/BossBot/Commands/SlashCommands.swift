import BossCore
import BossDiscord

/// The slash commands registered at start (`PUT /applications/{id}/commands`), mirroring the prefix
/// commands.
public enum SlashCommands {
    /// The commands, as Discord's typed models.
    static let definitions: [ApplicationCommand] = [
        ApplicationCommand(
            name: "download", description: "Download media from one or more links",
            options: [
                ApplicationCommandOption(name: "url", description: "The link(s), separated by spaces"),
                ApplicationCommandOption(
                    type: .boolean, name: "audio", description: "Audio only", required: false),
                ApplicationCommandOption(
                    name: "quality", description: "Video quality", required: false,
                    choices: JobOptions.qualities.map { .init(name: $0, value: $0) }),
            ]),
        ApplicationCommand(name: "queue", description: "Show running and waiting downloads"),
        ApplicationCommand(name: "status", description: "Show the bot's health and figures"),
        ApplicationCommand(
            name: "cancel", description: "Cancel one of your downloads",
            options: [ApplicationCommandOption(name: "job", description: "The job number from /queue")]),
        ApplicationCommand(name: "plugins", description: "List the supported sites (plugins)"),
        ApplicationCommand(name: "ping", description: "Show the gateway latency"),
        ApplicationCommand(name: "help", description: "How to use the bot"),
        // "0": hidden from members without Administrator until the server says otherwise.
        ApplicationCommand(
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
