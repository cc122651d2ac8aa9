import ArgumentParser
import BossCore
import Foundation

/// `boss-host run`: connect to Discord and serve commands.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Connect to Discord and serve commands (the default).")

    func run() async throws {
        let settings = try HostBootstrap.settings()
        guard settings.discordToken != nil else {
            printError(
                """
                boss-host: DISCORD_TOKEN is not set.
                  Create a bot at https://discord.com/developers/applications (Bot > Reset Token), then put
                  DISCORD_TOKEN=<token> in a .env file next to where you run boss-host (chmod 600 .env),
                  or export it in the environment. `boss-host fetch URL` works without a token.
                """)
            throw ExitCode.usageOrConfiguration
        }
        // The Discord gateway and REST client are not part of this build yet: say so plainly rather
        // than pretend to serve.
        printError(
            "boss-host: the Discord connection is not available in this build yet; use `boss-host fetch`.")
        throw ExitCode.failure
    }
}
