import Foundation
import Logging

/// One event, already redacted, as the outputs render it.
public struct LogRecord: Sendable {
    /// When it was logged.
    public var time: Date
    /// Its level.
    public var level: Logger.Level
    /// The logger's label.
    public var label: String
    /// The message.
    public var message: String
    /// Handler and event metadata merged (job, user, guild, channel, plugin, route… when present).
    public var metadata: Logger.Metadata

    /// Creates a record.
    public init(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) {
        self.time = time
        self.level = level
        self.label = label
        self.message = message
        self.metadata = metadata
    }

    /// The record as one line (no newline), in `format`; `colour` adds ANSI colours to text.
    public func render(_ format: LogFormat, colour: Bool = false) -> String {
        let stamp = UTCTimestamp.iso8601(from: time)
        switch format {
        case .text:
            let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let level = colour ? Self.colours[level, default: ""] + "\(self.level)\u{1B}[0m" : "\(self.level)"
            return ([stamp, level, "\(label): \(message)"] + fields).joined(separator: " ")
        case .json:
            let object: [String: Any] = [
                "time": stamp, "level": "\(level)", "label": label, "message": message,
                "metadata": metadata.mapValues(Self.plain),
            ]
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        }
    }

    private static let colours: [Logger.Level: String] = [
        .trace: "\u{1B}[90m", .debug: "\u{1B}[90m", .info: "\u{1B}[32m", .notice: "\u{1B}[36m",
        .warning: "\u{1B}[33m", .error: "\u{1B}[31m", .critical: "\u{1B}[1;31m",
    ]

    private static func plain(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(plain)
        case .dictionary(let values): values.mapValues(plain)
        }
    }
}
