import BossCore
import Logging
import Synchronization
import Testing

@Suite("Secret redaction in logs")
struct RedactionTests {
    final class Capture: @unchecked Sendable {
        let lines = Mutex<[String]>([])
    }

    struct CapturingHandler: LogHandler {
        let capture: Capture
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            capture.lines.withLock { $0.append("\(event.message) \(event.metadata ?? [:])") }
        }
    }

    @Test("the token never reaches the handler, in the message or in metadata")
    func tokenRedacted() {
        let token = "MTAx.secret-token.value"
        let capture = Capture()
        let logger = Logger(label: "t") { _ in
            RedactingLogHandler(CapturingHandler(capture: capture), secrets: [token])
        }
        logger.error("curl failed: Authorization: Bot \(token)", metadata: ["detail": "\(["x": token])"])
        let line = capture.lines.withLock { $0.joined() }
        #expect(!line.contains(token))
        #expect(line.contains("<redacted>"))
    }
}
