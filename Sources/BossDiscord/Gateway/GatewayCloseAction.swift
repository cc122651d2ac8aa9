/// What a gateway close code means for the session (discord-api-docs: Gateway Close Event Codes).
public enum GatewayCloseAction: Sendable, Equatable {
    /// Reconnect and RESUME.
    case resume
    /// Reconnect with a new IDENTIFY (the session is gone).
    case reidentify
    /// Do not reconnect: the operator must fix something. The text says what.
    case fatal(String)

    /// The action for a close code (nil: the connection dropped without one).
    public static func forCode(_ code: UInt16?) -> GatewayCloseAction {
        switch code {
        case 4004: .fatal("Discord rejected the token (4004): set a valid DISCORD_TOKEN (Bot > Reset Token).")
        case 4010: .fatal("Discord rejected the shard (4010): check the shard id and count settings.")
        case 4011: .fatal("The bot needs sharding (4011): set a shard count above 1.")
        case 4012: .fatal("Discord rejected the gateway API version (4012): this build is out of date.")
        case 4013: .fatal("Discord rejected the intents (4013): this build asks for an invalid intent.")
        case 4014:
            .fatal(
                "Discord refused a privileged intent (4014): enable the Message Content intent under Bot > "
                    + "Privileged Gateway Intents in the developer portal.")
        case 1000, 1001, 4007, 4009: .reidentify
        default: .resume
        }
    }
}
