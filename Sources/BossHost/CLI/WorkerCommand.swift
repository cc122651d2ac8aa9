import ArgumentParser

/// `boss-host worker`: download workers without a gateway connection. They take jobs from the shared
/// queue (`BOSS_QUEUE_URL`) and deliver through Discord's REST API with the bot's token.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Download jobs from the shared queue (BOSS_QUEUE_URL) and deliver them; no gateway.")

    func run() async throws { try await BotStart.launch { _ in .worker } }
}
