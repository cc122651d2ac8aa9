import Foundation
import Logging

/// Wraps a log handler and replaces every secret (the bot token) in messages and metadata with
/// `<redacted>`, whatever the caller logged: an error text from libcurl or a plugin included.
public struct RedactingLogHandler: LogHandler {
    private var base: any LogHandler
    private let secrets: [String]

    /// Wraps `base`; empty secrets are ignored.
    public init(_ base: any LogHandler, secrets: [String]) {
        self.base = base
        self.secrets = secrets.filter { $0.count >= 8 }
    }

    /// The wrapped handler's level.
    public var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    /// The wrapped handler's metadata.
    public var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    /// One metadata value of the wrapped handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    /// Logs through the wrapped handler with secrets removed.
    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: redact(event.message.description))
        event.metadata = event.metadata?.mapValues(redact)
        base.log(event: event)
    }

    /// `text` with every secret replaced.
    public func redact(_ text: String) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
    }

    private func redact(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(redact(text))
        case .stringConvertible(let convertible): .string(redact(convertible.description))
        case .array(let values): .array(values.map(redact))
        case .dictionary(let values): .dictionary(values.mapValues(redact))
        }
    }
}
