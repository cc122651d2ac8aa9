import ArgumentParser
import BossCore
import BossDiscord
import Foundation

/// `boss-host invite [--app-id ID]`: prints the OAuth2 URL that adds the bot to a server with only the
/// permissions it needs.
struct InviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Print the URL that adds the bot to a server, with only the permissions it needs.",
        discussion: """
            The application ID comes from --app-id, or else from Discord (GET /applications/@me with \
            DISCORD_TOKEN). Open the URL in a browser, pick the server, and authorize.
            """)

    @Option(help: "The application ID (Developer Portal > General Information); skips asking Discord.")
    var appId: String?

    func validate() throws {
        if let appId, appId.isEmpty || !appId.allSatisfy(\.isASCII) || !appId.allSatisfy(\.isNumber) {
            throw ValidationError("--app-id must be a numeric Discord ID, not '\(appId)'")
        }
    }

    func run() async throws {
        let id: Snowflake
        if let appId {
            id = Snowflake(rawValue: appId)
        } else {
            id = try await Self.applicationID()
        }
        print(BotInvite.url(applicationID: id))
    }

    /// Asks Discord which application the token belongs to.
    private static func applicationID() async throws -> Snowflake {
        let settings = try HostBootstrap.settings()
        guard let token = settings.discordToken else {
            printError(
                """
                boss-host: no application ID: pass --app-id ID, or set DISCORD_TOKEN to ask Discord for it.
                  The ID is under General Information at https://discord.com/developers/applications;
                  the token under Bot > Reset Token (put DISCORD_TOKEN=<token> in .env, chmod 600 .env).
                """)
            throw ExitCode.usageOrConfiguration
        }
        let logger = HostBootstrap.logger(settings, quietDefault: true)
        let rest = DiscordREST(baseURL: settings.discordAPIURL, token: token, logger: logger)
        do {
            return try await rest.call(.currentApplication, as: DiscordApplication.self).id
        } catch {
            if case .http(401, _, _, _) = error {
                printError(
                    "boss-host: Discord rejected DISCORD_TOKEN (401); reset it under Bot > Reset Token.")
                throw ExitCode.usageOrConfiguration
            }
            printError("boss-host: cannot ask Discord for the application ID: \(error); pass --app-id ID")
            throw ExitCode.failure
        }
    }
}
