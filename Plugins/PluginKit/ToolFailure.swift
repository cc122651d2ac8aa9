import PluginABI

/// Why a tool's run gave no file: the status `extract` returns and the sentence the user reads.
public struct ToolFailure: Equatable, Sendable {
    /// The status `extract` returns.
    public let status: boss_status
    /// The sentence shown to the user after the status's own message.
    public let detail: String

    /// A failure with its status and the user's sentence.
    public init(_ status: boss_status, _ detail: String) {
        self.status = status
        self.detail = detail
    }
}
