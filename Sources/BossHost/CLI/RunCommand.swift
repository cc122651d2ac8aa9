import ArgumentParser
import BossCore

/// `boss-host run`: connect to Discord and serve commands, and download unless `BOSS_WORKERS=0`
/// leaves that to `boss-host worker` processes on a shared queue.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Connect to Discord and serve commands (the default).")

    @Option(
        help: ArgumentHelp(
            "Replace the queue database with this backup first (checked; refused when damaged).",
            valueName: "FILE"))
    var restore: String?

    func run() async throws {
        try RestoreStep.perform(restore)
        try await BotStart.launch { $0.queue.runsWorkers ? .bot : .gateway }
    }
}
