/// A Discord ID. The API sends snowflakes as strings (they overflow JavaScript numbers); so do we.
public struct Snowflake: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The decimal ID.
    public let rawValue: String
    /// Wraps a decimal ID.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a decimal ID literal.
    public init(stringLiteral value: String) { rawValue = value }
    /// Decodes from a JSON string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    /// Encodes as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    /// The decimal ID.
    public var description: String { rawValue }
}
