/// Gateway intents the bot asks for.
public struct GatewayIntents: OptionSet, Sendable, Codable {
    /// The bit mask.
    public let rawValue: Int
    /// Wraps a mask.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Guild create/update events (the channels the bot can see).
    public static let guilds = GatewayIntents(rawValue: 1 << 0)
    /// Messages in guilds.
    public static let guildMessages = GatewayIntents(rawValue: 1 << 9)
    /// Messages in DMs.
    public static let directMessages = GatewayIntents(rawValue: 1 << 12)
    /// The text of messages (privileged: enabled in the developer portal).
    public static let messageContent = GatewayIntents(rawValue: 1 << 15)
    /// What Boss-Bot needs.
    public static let bossBot: GatewayIntents = [.guilds, .guildMessages, .directMessages, .messageContent]
}
