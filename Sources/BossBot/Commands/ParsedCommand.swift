import BossDiscord
import Foundation

/// A command as typed: its lower-cased name and the words after it.
public struct ParsedCommand: Equatable, Sendable {
    /// The command's name, lower-cased (`download`, `dl`, ...).
    public var name: String
    /// The words after the name, as typed.
    public var arguments: [String]

    /// Creates a parsed command.
    public init(name: String, arguments: [String]) {
        self.name = name
        self.arguments = arguments
    }
}
