import Foundation

/// The JSON coders for Discord payloads: Discord's keys are snake_case.
public enum DiscordJSON {
    /// Decodes snake_case keys into camelCase properties.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
    /// Encodes camelCase properties as snake_case keys.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
