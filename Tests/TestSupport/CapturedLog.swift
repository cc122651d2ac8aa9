import Logging
import Synchronization

/// A logger whose lines a test can read back: message and metadata of each, in order.
public final class CapturedLog: Sendable {
    /// One logged line.
    public struct Line: Sendable {
        /// Its level.
        public var level: Logger.Level
        /// Its message.
        public var message: String
        /// The handler's and the call's metadata, as text.
        public var metadata: [String: String]
    }

    private let lines = Mutex<[Line]>([])

    /// An empty log.
    public init() {}

    /// A logger writing into this log.
    public var logger: Logger {
        Logger(label: "captured") { _ in Handler(log: self) }
    }

    /// Every line so far.
    public var all: [Line] { lines.withLock { $0 } }

    /// Lines whose metadata has `key` = `value`.
    public func lines(where key: String, is value: String) -> [Line] {
        all.filter { $0.metadata[key] == value }
    }

    fileprivate func append(_ line: Line) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            log.append(
                Line(
                    level: event.level, message: "\(event.message)",
                    metadata: merged.mapValues { "\($0)" }))
        }
    }
}
