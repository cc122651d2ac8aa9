import BossCore
import BossDiscord
import Foundation
import Logging
import Synchronization

/// The bot: gateway events in, commands handled, replies out. Each event is handled in a task of its
/// own, so a slow REST call never delays another user's first reply.
public final class DiscordBot: Sendable {
    private let events: AsyncStream<GatewayEvent>
    private let rest: DiscordREST
    private let handler: CommandHandler
    private let settings: BotSettings
    private let logger: Logger
    private let identity = Mutex<(user: Snowflake, application: Snowflake)?>(nil)

    /// A bot over the gateway's events (every shard's) and the command handler. `resuming` is a session
    /// a previous process saved: it says who the bot is, since a RESUME brings no READY.
    public init(
        events: AsyncStream<GatewayEvent>, rest: DiscordREST, handler: CommandHandler, settings: BotSettings,
        logger: Logger, resuming: SavedSession? = nil
    ) {
        self.events = events
        self.rest = rest
        self.handler = handler
        self.settings = settings
        self.logger = logger
        identity.withLock { $0 = resuming.map { ($0.userID, $0.applicationID) } }
    }

    /// Handles events until the gateway's stream ends.
    public func handleEvents() async {
        await withDiscardingTaskGroup { group in
            for await event in events {
                group.addTask { await self.handle(event) }
            }
        }
    }

    func handle(_ event: GatewayEvent) async {
        switch event {
        case .ready(let ready):
            identity.withLock { $0 = (ready.user.id, ready.application.id) }
            // Commands are global: shard 0 registers them, not every shard of every process.
            if (ready.shard?.first ?? 0) == 0 { await registerCommands(application: ready.application.id) }
        case .resumed:
            break
        case .messageCreate(let message):
            await handle(message)
        case .interactionCreate(let interaction):
            await handle(interaction)
        }
    }

    private func registerCommands(application: Snowflake) async {
        do {
            try await rest.call(
                .overwriteCommands(application: application),
                .json(DiscordREST.encode(SlashCommands.definitions)))
            logger.info("registered \(SlashCommands.definitions.count) slash commands")
        } catch {
            logger.error("could not register slash commands: \(error)")
        }
    }

    private func handle(_ message: Message) async {
        guard message.author.bot != true, let me = identity.withLock({ $0 }) else { return }
        let parser = CommandParser(prefix: settings.prefix, botUserID: me.user)
        guard let parsed = parser.parse(message.content) else { return }
        let invocation = Invocation(
            user: message.author.id, guild: message.guildId, channel: message.channelId,
            roles: message.member?.roles ?? [], uploadLimit: settings.uploadLimitBytes,
            origin: .message(id: message.id))
        await handler.handle(BotCommand(parsed), invocation)
    }

    private func handle(_ interaction: Interaction) async {
        guard interaction.type == .applicationCommand, let data = interaction.data,
            let user = interaction.invoker,
            let channel = interaction.channelId
        else { return }
        // Within 3 s or Discord shows "the application did not respond": defer, answer by editing.
        do {
            try await rest.call(
                .interactionCallback(id: interaction.id, token: interaction.token),
                .json(DiscordREST.encode(InteractionResponse.deferredMessage)))
        } catch {
            logger.error("could not acknowledge an interaction: \(error)")
            return
        }
        let invocation = Invocation(
            user: user.id, guild: interaction.guildId, channel: channel,
            roles: interaction.member?.roles ?? [],
            uploadLimit: interaction.attachmentSizeLimit.map(Int64.init) ?? settings.uploadLimitBytes,
            origin: .interaction(application: interaction.applicationId, token: interaction.token))
        await handler.handle(BotCommand(SlashCommands.parsed(data)), invocation)
    }
}
