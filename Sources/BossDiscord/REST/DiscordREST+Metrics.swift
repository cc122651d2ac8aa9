import BossMetrics
import BossNet

extension DiscordREST {
    /// Runs one attempt of `route` and records its latency and status under the route's metric name.
    func measured(
        _ route: DiscordRoute,
        _ attempt: () async -> Result<(HTTPResponseHead, [UInt8]), HTTPError>
    ) async -> Result<(HTTPResponseHead, [UInt8]), HTTPError> {
        let started = ContinuousClock.now
        let outcome = await attempt()
        let status = (try? outcome.get().0.status) ?? 0
        BossMetrics.discordRequest(route: route.metricName, since: started, status: status)
        return outcome
    }
}

extension DiscordRoute {
    private static let fixedSegments: Set<String> = [
        "gateway", "bot", "applications", "@me", "channels", "messages", "commands", "interactions",
        "callback", "webhooks", "@original", "guilds", "users",
    ]

    /// The route with every ID and token replaced by `:id` (`POST /channels/:id/messages`): a label of
    /// few values that carries no secret.
    public var metricName: String {
        let segments = path.split(separator: "/").map {
            Self.fixedSegments.contains(String($0)) ? String($0) : ":id"
        }
        return "\(method.rawValue) /" + segments.joined(separator: "/")
    }
}
