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
            FileHandle.standardError.write(Data("boss-host: \(error)\n".utf8))
            throw ExitCode.usageOrConfiguration
        }
    }

    /// A stderr logger. `quietDefault` raises the default level for interactive commands, so log lines
    /// do not bury their output unless the operator asked for them with BOSS_LOG_LEVEL.
    static func logger(_ settings: HostSettings, quietDefault: Bool = false) -> Logger {
        let explicit = settings.environment.values[SettingKey.logLevel.rawValue] != nil
        let level = Logger.Level(rawValue: settings.logLevel) ?? .info
        let secrets = [settings.discordToken].compactMap { $0 }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = quietDefault && !explicit ? max(level, .warning) : level
            return RedactingLogHandler(handler, secrets: secrets)
        }
        return Logger(label: "boss-host")
    }

    static func runtime(_ settings: HostSettings, logger: Logger) throws -> HostRuntime {
        do {
            return try HostRuntime(settings: settings, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("boss-host: cannot start: \(error)\n".utf8))
            throw ExitCode.usageOrConfiguration
        }
    }
}
