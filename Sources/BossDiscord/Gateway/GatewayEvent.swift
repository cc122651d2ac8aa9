/// What the gateway hands the bot.
public enum GatewayEvent: Sendable, Equatable {
    /// A new session: who the bot is.
    case ready(ReadyEvent)
    /// A dropped session was resumed; missed events follow.
    case resumed
    /// A message was posted.
    case messageCreate(Message)
    /// A slash command was used.
    case interactionCreate(Interaction)
}
