import BossBot
import BossDiscord
import ServiceLifecycle

/// The Discord connection as a service: the gateway session and the bot's event loop. On graceful
/// shutdown it closes the gateway with a resumable code (4000), so no new command arrives while the
/// queue drains; a fatal close ends the service with an error, which shuts the whole group down.
struct GatewayService: Service {
    let session: GatewaySession
    let bot: DiscordBot
    /// Where to leave the session for the next start (`data/gateway-session.json`).
    var savePath: String?

    /// Why the gateway ended for good.
    struct Fatal: Error, CustomStringConvertible {
        var description: String
    }

    func run() async throws {
        let events = Task { await bot.handleEvents() }
        defer { events.cancel() }
        do {
            try await withGracefulShutdownHandler {
                try await session.run()
            } onGracefulShutdown: { [session] in
                Task { await session.stop() }
            }
        } catch {
            throw Fatal(description: "\(error)")
        }
        // Closed with a resumable code: the next start resumes instead of identifying again.
        if let path = savePath, let saved = await session.saved() { try? saved.write(to: path) }
    }
}
