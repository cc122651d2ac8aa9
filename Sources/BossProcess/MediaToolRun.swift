/// A run of a local media tool (ffmpeg, ffprobe) by the host itself: confined like every child (own
/// process group, minimal environment, no network proxy), through the media tools' gate, and stopped
/// as soon as `isCancelled` turns true.
public struct MediaToolRun: Sendable {
    /// The tool: a path, or a name found on `searchPath`.
    public var tool: String
    /// Its arguments.
    public var arguments: [String]
    /// Its working folder (HOME and TMPDIR point inside it).
    public var folder: String
    /// The host's `PATH`.
    public var searchPath: String?
    /// Where its standard output goes; nil discards it.
    public var standardOutput: String?

    /// A run of `tool` with `arguments` in `folder`.
    public init(
        tool: String, arguments: [String], folder: String, searchPath: String?, standardOutput: String? = nil
    ) {
        self.tool = tool
        self.arguments = arguments
        self.folder = folder
        self.searchPath = searchPath
        self.standardOutput = standardOutput
    }

    /// Runs to the end on the calling thread; nil when cancelled before the gate let it through.
    public func run(isCancelled: () -> Bool) -> ChildSupervisor.Outcome? {
        let command = ChildCommand(
            executable: tool, arguments: arguments,
            environment: ChildEnvironment.make(workFolder: folder, searchPath: searchPath),
            workingDirectory: folder, standardOutput: standardOutput)
        return ToolGate.mediaTools.run(isCancelled: isCancelled) {
            ChildSupervisor().run(command) { isCancelled() ? "cancelled" : nil }
        }
    }
}
