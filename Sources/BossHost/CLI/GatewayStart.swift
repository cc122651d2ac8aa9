import BossBot
import BossCore
import BossDiscord
import Logging

/// The gateway side of a start: Discord's answer to `GET /gateway/bot` (which also proves the token),
/// then the shards this process runs.
struct GatewayStart {
    let settings: BotSettings
    let token: String
    let logger: Logger

    /// The shards of `settings`, ready to connect; a rejected token or bad shard range is a
    /// configuration error, an unreachable Discord a start failure.
    func gateway(rest: DiscordREST, dataDirectory: String) async throws(BotLauncher.StartError)
        -> ShardedGateway
    {
        let info: GatewayBotInfo
        do {
            info = try await rest.call(.gatewayBot, as: GatewayBotInfo.self)
        } catch {
            if case .http(401, _, _, _) = error {
                throw BotLauncher.StartError(
                    description: "Discord rejected DISCORD_TOKEN (401); reset it under Bot > Reset Token.",
                    isConfiguration: true)
            }
            throw BotLauncher.StartError(
                description: "cannot reach Discord: \(error)", isConfiguration: false)
        }
        do {
            return try ShardGatewayFactory(settings: settings, info: info, token: token, logger: logger)
                .gateway(dataDirectory: dataDirectory)
        } catch {
            throw BotLauncher.StartError(description: "\(error)", isConfiguration: true)
        }
    }
}
