import Foundation
import Logging

/// The host's one log handler: renders each event as text or JSON (see `LogOutput`) and replaces every
/// secret (see `SecretRedactor`: the bot token, plugin credentials, passwords in URLs) in the message,
/// the metadata and an attached error with `<redacted>`, whatever the caller logged: an error text
/// from libcurl or a plugin included.
public struct RedactingLogHandler: LogHandler {
    private let label: String
    private let output: LogOutput
    private let redactor: SecretRedactor
    /// The lowest level written.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every event of this logger.
    public var metadata: Logger.Metadata = [:]

    /// A handler for the logger `label` writing to `output`, removing what `redactor` finds.
    public init(label: String, output: LogOutput, redactor: SecretRedactor) {
        self.label = label
        self.output = output
        self.redactor = redactor
    }

    /// A handler removing these secrets (shorter than 8 characters: ignored, they would redact
    /// ordinary words) and credentials in URLs.
    public init(label: String, output: LogOutput, secrets: [String]) {
        self.init(label: label, output: output, redactor: SecretRedactor(secrets: secrets))
    }

    /// One metadata value of this logger.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event with secrets removed.
    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        if let error = event.error { merged["error"] = .string("\(error)") }
        output.write(
            LogRecord(
                time: Date(), level: event.level, label: label, message: redact(event.message.description),
                metadata: merged.mapValues(redact)))
    }

    /// `text` with every secret replaced.
    public func redact(_ text: String) -> String { redactor.redact(text) }

    private func redact(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(redact(text))
        case .stringConvertible(let convertible): .string(redact(convertible.description))
        case .array(let values): .array(values.map(redact))
        case .dictionary(let values): .dictionary(values.mapValues(redact))
        }
    }
}
