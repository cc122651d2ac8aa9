import BossDiscord
import Logging
import Synchronization

/// `BOSS_ALLOWED_ROLES` for direct messages: a DM user must hold one of the roles in a server the bot
/// shares (one of `BOSS_ALLOWED_GUILDS` when that is set). Discord is asked
/// (`GET /guilds/{guild}/members/{user}`) and each verdict is remembered for `ttl`, so a burst of
/// commands costs one look-up and a role taken away counts within a minute.
final class DirectMessageRoles: Sendable {
    private struct Verdict {
        var allowed: Bool
        var until: ContinuousClock.Instant
    }
    private struct PartialGuild: Decodable {
        var id: Snowflake
    }
    private let rest: DiscordREST
    private let policy: AccessPolicy
    private let ttl: Duration
    private let verdicts = Mutex<[String: Verdict]>([:])

    init(rest: DiscordREST, policy: AccessPolicy, ttl: Duration = .seconds(60)) {
        self.rest = rest
        self.policy = policy
        self.ttl = ttl
    }

    /// Why `user` may not use the bot in a DM, or nil when they may (or no role is required). A failed
    /// look-up refuses, with a log line for the operator.
    func refusal(for user: Snowflake, logger: Logger) async -> String? {
        guard !policy.roles.isEmpty, !policy.isAdmin(user) else { return nil }
        do {
            if try await allows(user) { return nil }
            return "You need one of the roles a server set for using me, in a server I am in."
        } catch {
            logger.error("could not look up a DM user's roles: \(error)", metadata: ["user": "\(user)"])
            return "I could not check your server roles just now; try again in a minute."
        }
    }

    /// Whether `user` holds an allowed role in a server the bot shares; a failed look-up throws (and
    /// is not remembered).
    func allows(_ user: Snowflake, now: ContinuousClock.Instant = .now) async throws(DiscordRESTError) -> Bool
    {
        if let verdict = verdicts.withLock({ $0[user.rawValue] }), verdict.until > now {
            return verdict.allowed
        }
        var allowed = false
        for guild in try await sharedGuilds() where !allowed {
            let roles = try await roles(of: user, in: guild)
            allowed = roles.map { !policy.roles.isDisjoint(with: $0) } ?? false
        }
        verdicts.withLock { verdicts in
            verdicts = verdicts.filter { $0.value.until > now }  // only live verdicts are kept
            verdicts[user.rawValue] = Verdict(allowed: allowed, until: now + ttl)
        }
        return allowed
    }

    private func sharedGuilds() async throws(DiscordRESTError) -> [Snowflake] {
        if !policy.guilds.isEmpty { return policy.guilds.sorted { $0.rawValue < $1.rawValue } }
        return try await rest.call(.currentUserGuilds, as: [PartialGuild].self).map(\.id)
    }

    /// The member's roles in `guild`; nil when they are not a member (404, "Unknown Member") or the bot
    /// cannot see that server (403, e.g. an allowed server it is not in).
    private func roles(of user: Snowflake, in guild: Snowflake) async throws(DiscordRESTError) -> [Snowflake]?
    {
        do {
            return try await rest.call(.guildMember(guild: guild, user: user), as: GuildMember.self).roles
        } catch {
            if case .http(let status, _, _, _) = error, status == 403 || status == 404 { return nil }
            throw error
        }
    }
}
