import BossDiscord

/// Who may use the bot where: optional allowlists of servers, channels and roles, admins for admin
/// commands, and DMs off unless the operator turns them on.
public struct AccessPolicy: Sendable {
    /// Users who may run admin commands and cancel anyone's job.
    public var admins: Set<Snowflake> = []
    /// Servers the bot answers in; empty: all.
    public var guilds: Set<Snowflake> = []
    /// Channels the bot answers in; empty: all.
    public var channels: Set<Snowflake> = []
    /// Roles a member needs one of; empty: none needed.
    public var roles: Set<Snowflake> = []
    /// Whether DMs are served.
    public var allowsDMs = false

    /// An open policy (every server, channel and member; no DMs; no admins).
    public init() {}

    /// Why a user may not use the bot here, or nil when they may. Admins pass every allowlist.
    public func refusal(user: Snowflake, guild: Snowflake?, channel: Snowflake, memberRoles: [Snowflake])
        -> String?
    {
        if admins.contains(user) { return nil }
        guard let guild else {
            return allowsDMs ? nil : "I only take commands in servers, not in direct messages."
        }
        if !guilds.isEmpty && !guilds.contains(guild) { return "I am not enabled on this server." }
        if !channels.isEmpty && !channels.contains(channel) {
            return "I am not enabled in this channel; ask a moderator where to use me."
        }
        if !roles.isEmpty && roles.isDisjoint(with: memberRoles) {
            return "You need one of the roles this server set for using me."
        }
        return nil
    }

    /// Whether `user` may run admin commands.
    public func isAdmin(_ user: Snowflake) -> Bool { admins.contains(user) }
}
