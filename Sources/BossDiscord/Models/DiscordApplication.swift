/// The part of `GET /applications/@me` the host reads.
public struct DiscordApplication: Decodable, Sendable {
    /// The application's ID: the OAuth2 client ID.
    public var id: Snowflake
}
