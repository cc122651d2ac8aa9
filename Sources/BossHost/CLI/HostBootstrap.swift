import ArgumentParser
import BossCore
import Foundation
import Logging

/// Reads the settings and sets up logging; a bad setting ends the process with exit code 2.
enum HostBootstrap {
    static func settings() throws -> HostSettings {
        do {
            return try HostSettings(environment: HostEnvironment())
        } catch {
            // Secret settings show as <redacted> already; a URL's password may still be in the text.
            let text = SecretRedactor(secrets: []).redact("\(error)")
            FileHandle.standardError.write(Data("boss-host: \(text)\n".utf8))
            throw ExitCode.usageOrConfiguration
        }
    }

    /// The host's logger: stderr in `BOSS_LOG_FORMAT`, plus the rotated `BOSS_LOG_FILE` when set, secrets
    /// (the token, plugin credentials, passwords in URLs) redacted. `quietDefault` raises the default level for interactive commands, so log lines do not
    /// bury their output unless the operator asked for them with BOSS_LOG_LEVEL.
    static func logger(_ settings: HostSettings, quietDefault: Bool = false) -> Logger {
        let explicit = settings.environment.values[SettingKey.logLevel.rawValue] != nil
        let configured = Logger.Level(rawValue: settings.logLevel) ?? .info
        let level = quietDefault && !explicit ? max(configured, .warning) : configured
        let redactor = SecretRedactor(environment: settings.environment)
        var fileError: (any Error)?
        var file: RotatingLogFile?
        if let path = settings.logFile {
            do {
                file = try RotatingLogFile(
                    path: path, maxBytes: Int(settings.logMaxBytes), keep: settings.logKeep)
            } catch { fileError = error }
        }
        let output = LogOutput.standardError(
            format: LogFormat(rawValue: settings.logFormat) ?? .text, file: file)
        LoggingSystem.bootstrap { label in
            var handler = RedactingLogHandler(label: label, output: output, redactor: redactor)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "boss-host")
        if let fileError { logger.error("BOSS_LOG_FILE: \(fileError); logging to stderr only") }
        return logger
    }

    static func runtime(_ settings: HostSettings, logger: Logger) throws -> HostRuntime {
        do {
            return try HostRuntime(settings: settings, logger: logger)
        } catch {
            let text = SecretRedactor(environment: settings.environment).redact("\(error)")
            FileHandle.standardError.write(Data("boss-host: cannot start: \(text)\n".utf8))
            throw ExitCode.usageOrConfiguration
        }
    }
}
