import BossCore
import Foundation
import Logging
import TestSupport
import Testing

/// The host's log handler: text and JSON lines, the token redacted everywhere, size-rotated files.
@Suite("Log handler")
struct LogHandlerTests {
    static let token = "log-test-token.SECRET-123456"

    func handler(_ format: LogFormat, file: String) throws -> RedactingLogHandler {
        let output = LogOutput(
            format: format, colour: false, stream: nil,
            file: try RotatingLogFile(path: file, maxBytes: 1 << 20, keep: 2))
        var handler = RedactingLogHandler(label: "boss-test", output: output, secrets: [Self.token])
        handler.logLevel = .debug
        return handler
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test("json: one object per line with time, level, label, message and metadata")
    func json() throws {
        try withTemporaryFolder(prefix: "boss-log") { folder in
            let directory = folder.path
            let path = directory + "/json.log"
            let logger = Logger(label: "boss-test") { _ in (try? handler(.json, file: path))! }
            logger.info("job finished", metadata: ["job": "17", "user": "42", "plugin": "direct"])
            logger.warning("second line")
            let parsed = try lines(path).map {
                try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
            #expect(parsed.count == 2)
            #expect(parsed[0]["level"] as? String == "info")
            #expect(parsed[0]["label"] as? String == "boss-test")
            #expect(parsed[0]["message"] as? String == "job finished")
            #expect((parsed[0]["time"] as? String)?.hasSuffix("Z") == true)
            let metadata = try #require(parsed[0]["metadata"] as? [String: Any])
            #expect(metadata["job"] as? String == "17")
            #expect(metadata["plugin"] as? String == "direct")
            #expect(parsed[1]["level"] as? String == "warning")
        }
    }

    @Test("text: readable; colour only on the stream when asked (a terminal), never in the file")
    func text() throws {
        try withTemporaryFolder(prefix: "boss-log") { folder in
            let directory = folder.path
            let plain = directory + "/plain.log"
            let coloured = directory + "/colour.log"
            try handler(.text, file: plain).log(event: Self.event("hello", metadata: ["job": "3"]))
            let descriptor = open(coloured, O_WRONLY | O_CREAT, 0o600)
            defer { close(descriptor) }
            let terminal = LogOutput(format: .text, colour: true, stream: descriptor, file: nil)
            RedactingLogHandler(label: "boss-test", output: terminal, secrets: []).log(
                event: Self.event("hello"))
            let line = try #require(lines(plain).first)
            #expect(line.contains("info boss-test: hello job=3"))
            #expect(!line.contains("\u{1B}["))
            #expect(lines(coloured).first?.contains("\u{1B}[") == true)
        }
    }

    @Test("the token is redacted in the message, the metadata and an attached error's text")
    func redaction() throws {
        try withTemporaryFolder(prefix: "boss-log") { folder in
            let directory = folder.path
            struct Failure: Error, CustomStringConvertible {
                var description: String { "401 for Bot \(LogHandlerTests.token)" }
            }
            let path = directory + "/secret.log"
            var event = Self.event(
                "curl failed: \(Failure())",
                metadata: ["header": "Bot \(Self.token)", "list": [.string(Self.token)]])
            event.error = Failure()
            try handler(.json, file: path).log(event: event)
            let text = lines(path).joined()
            #expect(!text.contains(Self.token))
            #expect(text.contains("<redacted>"))
            #expect(text.contains("\"error\""))
        }
    }

    @Test("plugin settings naming a token, key, secret, password or cookie are redacted; others are kept")
    func pluginSecrets() throws {
        try withTemporaryFolder(prefix: "boss-log") { folder in
            let directory = folder.path
            let environment = HostEnvironment(values: [
                "DISCORD_TOKEN": Self.token, "BOSS_PLUGIN_GALLERYDL_API_KEY": "gdl-key-0123456789",
                "BOSS_PLUGIN_X_TOKEN": "x-token-abcdefgh", "BOSS_PLUGIN_X_CLIENT_SECRET": "client-secret-999",
                "BOSS_PLUGIN_X_PASSWORD": "correct horse battery",
                "BOSS_PLUGIN_X_COOKIES": "sid=cookie-123456",
                "BOSS_PLUGIN_X_API_URL": "https://api.example.com/v2", "BOSS_MAX_QUEUE": "50000000",
            ])
            let path = directory + "/plugin.log"
            let output = LogOutput(
                format: .json, colour: false, stream: nil,
                file: try RotatingLogFile(path: path, maxBytes: 1 << 20, keep: 2))
            let handler = RedactingLogHandler(
                label: "boss-test", output: output, redactor: SecretRedactor(environment: environment))
            struct Failure: Error, CustomStringConvertible {
                var description: String { "401 with cookie sid=cookie-123456" }
            }
            var event = Self.event(
                "calling https://api.example.com/v2?key=gdl-key-0123456789 as correct horse battery",
                metadata: [
                    "auth": "Bearer x-token-abcdefgh", "nested": ["client-secret-999", "\(Self.token)"],
                ])
            event.error = Failure()
            handler.log(event: event)
            let text = lines(path).joined()
            for secret in [
                "gdl-key-0123456789", "x-token-abcdefgh", "client-secret-999", "correct horse", "cookie-123",
            ] {
                #expect(!text.contains(secret), "\(secret) leaked: \(text)")
            }
            #expect(!text.contains(Self.token))
            let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(
                object["message"] as? String
                    == "calling https://api.example.com/v2?key=<redacted> as <redacted>",
                "a URL setting is not a secret")
        }
    }

    @Test(
        "credentials inside URLs are redacted wherever they appear",
        arguments: [
            (
                "fetch https://alice:s3cret@example.com/a.png failed",
                "fetch https://<redacted>@example.com/a.png failed"
            ),
            ("proxy http://user:p%40ss@127.0.0.1:8080", "proxy http://<redacted>@127.0.0.1:8080"),
            (
                "redis://:pw@cache:6379/0 and ftp://bob@files",
                "redis://<redacted>@cache:6379/0 and ftp://<redacted>@files"
            ),
            ("\"url\":\"https://tok@h\"", "\"url\":\"https://<redacted>@h\""),
            ("https://example.com/@someone?x=a@b", "https://example.com/@someone?x=a@b"),
            ("mail a://b c@d.example", "mail a://b c@d.example"), ("no url here", "no url here"),
        ])
    func urlCredentials(_ text: String, _ expected: String) throws {
        try withTemporaryFolder(prefix: "boss-log") { folder in
            let directory = folder.path
            let path = directory + "/url-\(UUID()).log"
            try handler(.text, file: path).log(event: Self.event(text, metadata: ["url": "\(text)"]))
            let line = try #require(lines(path).first)
            #expect(line.contains("boss-test: \(expected) url=\(expected)"), "\(line)")
        }
    }

    @Test("a file past its size is rotated to .1, .2 and never more than `keep` old files")
    func rotation() throws {
        try withTemporaryFolder(prefix: "boss-log") { folder in
            let directory = folder.path
            let path = directory + "/rotating.log"
            let file = try RotatingLogFile(path: path, maxBytes: 1000, keep: 2)
            for index in 0..<100 {
                file.write(String(format: "line %03d ", index) + String(repeating: "x", count: 90))
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            #expect(names == ["rotating.log", "rotating.log.1", "rotating.log.2"])
            for name in names {
                let size = try #require(
                    FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int)
                #expect(size <= 1000 && size > 0)
            }
            #expect(lines(path).last?.hasPrefix("line 099") == true)
            #expect(lines(path + ".2").first.map { $0 < (lines(path + ".1").first ?? "") } == true)
        }
    }

    static func event(_ message: String, metadata: Logger.Metadata = [:]) -> LogEvent {
        LogEvent(
            level: .info, message: "\(message)", metadata: metadata, source: nil, file: #fileID,
            function: #function, line: #line)
    }
}
