import BossBot
import BossDiscord
import ServiceLifecycle

/// The Discord connection as a service: every shard's gateway session and the bot's event loop. On
/// graceful shutdown it closes each shard with a resumable code (4000), so no new command arrives while
/// the queue drains; a fatal close ends the service with an error, which shuts the whole group down.
struct GatewayService: Service {
    let gateway: ShardedGateway
    let bot: DiscordBot
    /// Where to leave each shard's session for the next start (`SavedSession.fileName(for:)`).
    var dataDirectory: String?

    /// Why the gateway ended for good.
    struct Fatal: Error, CustomStringConvertible {
        var description: String
    }

    func run() async throws {
        let events = Task { await bot.handleEvents() }
        defer { events.cancel() }
        do {
            try await withGracefulShutdownHandler {
                try await gateway.run()
            } onGracefulShutdown: { [gateway] in
                Task { await gateway.stop() }
            }
        } catch {
            throw Fatal(description: "\(error)")
        }
        // Closed with a resumable code: the next start resumes instead of identifying again.
        guard let dataDirectory else { return }
        for (shard, saved) in await gateway.saved() {
            try? saved.write(to: dataDirectory + "/" + SavedSession.fileName(for: shard))
        }
    }
}
