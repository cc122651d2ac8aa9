/// A guild member's roles, as sent with messages and interactions.
public struct GuildMember: Codable, Sendable, Equatable {
    /// Role IDs.
    public var roles: [Snowflake]
    /// The user (present in interactions, absent in MESSAGE_CREATE).
    public var user: User?
}
