import ArgumentParser
import Foundation

/// `boss-host`: the Boss-Bot host process and its operator tools.
@main
struct BossHostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "boss-host",
        abstract: "Boss-Bot: a Discord bot that downloads media through extractor plugins.",
        subcommands: [
            RunCommand.self, WorkerCommand.self, FetchCommand.self, InviteCommand.self, BackupCommand.self,
            PluginsCommand.self,
            PluginCommand.self,
        ],
        defaultSubcommand: RunCommand.self)

    /// Exit codes follow the operator contract: 2 for any usage or configuration error.
    static func main() async {
        // Line-buffered stdout: output piped from a process that crashes must not lose its buffer.
        LineBuffering.enable()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCode.usageOrConfiguration.rawValue)
            }
            exit(withError: error)
        }
    }
}

extension ExitCode {
    /// Some downloads failed.
    static let someFailed = ExitCode(1)
    /// Bad arguments, settings or environment.
    static let usageOrConfiguration = ExitCode(2)
}
