/// What to run as a child process, and the confinement it runs under.
public struct ChildCommand: Sendable {
    /// The executable: a path, or a name looked up on the `PATH` of `environment`.
    public var executable: String
    /// Arguments after the program's name.
    public var arguments: [String]
    /// The child's whole environment; nothing of the parent's is inherited.
    public var environment: [String: String]
    /// Its working directory; nil keeps the parent's.
    public var workingDirectory: String?
    /// Where its standard output goes (created or truncated); nil discards it.
    public var standardOutput: String?
    /// Where its standard error goes; nil discards it.
    public var standardError: String?
    /// `RLIMIT_FSIZE`: no file the child writes can grow past this many bytes; nil for no limit.
    public var fileSizeLimit: UInt64?

    /// A command with an empty environment and no limits.
    public init(
        executable: String, arguments: [String] = [], environment: [String: String] = [:],
        workingDirectory: String? = nil, standardOutput: String? = nil, standardError: String? = nil,
        fileSizeLimit: UInt64? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.fileSizeLimit = fileSizeLimit
    }

    /// The executable's path: as given when it contains a slash, else the first match on the
    /// environment's `PATH` (the child's own search path, so the parent's cannot widen it).
    public func resolvedExecutable() -> String? {
        ExecutableLocator.find(executable, searchPath: environment["PATH"] ?? ChildEnvironment.defaultPath)
    }
}
