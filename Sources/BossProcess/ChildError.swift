/// Why a child process could not be started.
public enum ChildError: Error, Equatable, CustomStringConvertible {
    /// No executable by that name or path.
    case notFound(executable: String)
    /// The system refused to start it (`errno`'s text).
    case startFailed(executable: String, reason: String)

    /// A sentence for the operator's log.
    public var description: String {
        switch self {
        case .notFound(let executable): "\(executable) was not found or is not executable"
        case .startFailed(let executable, let reason): "\(executable) could not be started: \(reason)"
        }
    }
}

/// How a child process ended by itself.
public enum ChildTermination: Sendable, Equatable {
    /// It exited with this status.
    case exited(Int32)
    /// A signal ended it.
    case signalled(Int32)

    /// The shell's convention: the exit status, or 128 + the signal.
    public var code: Int32 {
        switch self {
        case .exited(let status): status
        case .signalled(let signal): 128 + signal
        }
    }
}
