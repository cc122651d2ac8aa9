import BossDiscord
import Testing

@Suite("The OAuth2 invite: scopes and exactly the permissions the bot needs")
struct BotInviteTests {
    /// Discord's documented values (developers/docs/topics/permissions), written out independently.
    static let documented: [String: UInt64] = [
        "VIEW_CHANNEL": 0x0000_0400, "SEND_MESSAGES": 0x0000_0800, "EMBED_LINKS": 0x0000_4000,
        "ATTACH_FILES": 0x0000_8000, "READ_MESSAGE_HISTORY": 0x0001_0000,
        "SEND_MESSAGES_IN_THREADS": 0x40_0000_0000,
    ]

    @Test("the bot's permission value is the sum of the six documented bits")
    func permissionValue() {
        #expect(DiscordPermissions.bot.rawValue == Self.documented.values.reduce(0, +))
        #expect(DiscordPermissions.bot.rawValue == 274_878_024_704)
    }

    @Test("each named bit has Discord's value")
    func namedBits() {
        #expect(DiscordPermissions.viewChannel.rawValue == Self.documented["VIEW_CHANNEL"])
        #expect(DiscordPermissions.sendMessages.rawValue == Self.documented["SEND_MESSAGES"])
        #expect(DiscordPermissions.embedLinks.rawValue == Self.documented["EMBED_LINKS"])
        #expect(DiscordPermissions.attachFiles.rawValue == Self.documented["ATTACH_FILES"])
        #expect(DiscordPermissions.readMessageHistory.rawValue == Self.documented["READ_MESSAGE_HISTORY"])
        #expect(
            DiscordPermissions.sendMessagesInThreads.rawValue == Self.documented["SEND_MESSAGES_IN_THREADS"])
    }

    @Test("the URL carries the client ID, both scopes and the permissions")
    func url() {
        #expect(
            BotInvite.url(applicationID: "123")
                == "https://discord.com/oauth2/authorize?client_id=123&scope=bot%20applications.commands"
                + "&permissions=274878024704")
    }
}
