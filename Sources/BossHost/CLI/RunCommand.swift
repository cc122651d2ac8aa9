import ArgumentParser
import BossBot
import BossCore
import Foundation

/// `boss-host run`: connect to Discord and serve commands.
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
        let settings = try HostBootstrap.settings()
        guard let token = settings.discordToken else {
            printError(
                """
                boss-host: DISCORD_TOKEN is not set.
                  Create a bot at https://discord.com/developers/applications (Bot > Reset Token), then put
                  DISCORD_TOKEN=<token> in a .env file next to where you run boss-host (chmod 600 .env),
                  or export it in the environment. `boss-host fetch URL` works without a token.
                """)
            throw ExitCode.usageOrConfiguration
        }
        let botSettings: BotSettings
        do {
            botSettings = try BotSettings(settings)
        } catch {
            printError("boss-host: \(error)")
            throw ExitCode.usageOrConfiguration
        }
        let logger = HostBootstrap.logger(settings)
        DotEnvPermissions.warnIfShared(path: ".env", logger: logger)
        let runtime = try HostBootstrap.runtime(settings, logger: logger)
        let loaded = runtime.loader.loadAll()
        logger.info("loaded \(loaded.added.count) plugin(s) from \(settings.pluginsDirectory)")
        let launcher = BotLauncher(runtime: runtime, settings: botSettings, token: token, logger: logger)
        do {
            try await launcher.run()
        } catch let error as BotLauncher.StartError {
            printError("boss-host: \(error)")
            throw error.isConfiguration ? ExitCode.usageOrConfiguration : ExitCode.failure
        }
    }
}
