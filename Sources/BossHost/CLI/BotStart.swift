import ArgumentParser
import BossBot
import BossCore
import Foundation

/// What `run` and `worker` share before they connect: the settings (a bad one exits 2), the token
/// (required: a worker posts through REST too), logging, the runtime and its plugins, then the
/// launch for the role the settings give (`role`) with its exit codes.
enum BotStart {
    static func launch(as role: (HostSettings) -> ProcessRole) async throws {
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
        let launcher = BotLauncher(
            runtime: runtime, settings: botSettings, token: token, role: role(settings), logger: logger)
        do {
            try await launcher.run()
        } catch let error as BotLauncher.StartError {
            printError("boss-host: \(error)")
            throw error.isConfiguration ? ExitCode.usageOrConfiguration : ExitCode.failure
        }
    }
}
