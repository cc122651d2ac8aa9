import PluginABI

/// Why an extraction produced nothing.
public enum ExtractionError: CategorizedError, CustomStringConvertible, Equatable {
    /// No plugin claims the URL, or every one tried (`tried`, in order) said it does not take it.
    case unsupportedURL(String, tried: [String] = [])
    /// Plugins redirected the job more often than allowed, or in a circle.
    case redirectLoop([String])
    /// The plugin returned a failure status. `detail` is the plugin's explanation for the user;
    /// `causes` are the host-side failures that led to it, for the operator.
    case pluginFailed(pluginID: String, status: Int32, detail: String?, causes: [String])
    /// The plugin said OK but ended no file.
    case noFiles(pluginID: String)
    /// The job was cancelled.
    case cancelled
    /// The job ran past its time limit (`BOSS_JOB_TIMEOUT_SECONDS`) and was stopped.
    case timedOut(limit: Duration)
    /// The job's folder could not be prepared.
    case storage(String)

    /// The category used for advice and metrics.
    public var category: ErrorCategory {
        switch self {
        case .unsupportedURL: .userInput
        case .redirectLoop, .noFiles: .plugin
        case .cancelled: .userInput
        case .timedOut: .limit
        case .storage: .internal
        case .pluginFailed(_, let status, _, _): Self.category(of: status)
        }
    }

    /// A sentence for the Discord user.
    public var userMessage: String {
        switch self {
        case .unsupportedURL(_, let tried) where !tried.isEmpty:
            "None of the bot's downloaders could take this link (tried \(tried.joined(separator: ", ")))."
        case .unsupportedURL: "No plugin supports this link."
        case .redirectLoop: "The link leads through too many redirects."
        case .noFiles: "No downloadable media was found at this link."
        case .cancelled: "The download was cancelled."
        case .timedOut(let limit): "The download took longer than \(Self.spoken(limit)) and was stopped."
        case .storage: "The bot could not prepare storage for this download."
        case .pluginFailed(_, let status, let detail, _):
            detail ?? Self.sentence(String(cString: boss_status_message(status)))
        }
    }

    /// The full story for the operator's log.
    public var description: String {
        switch self {
        case .unsupportedURL(let url, let tried):
            tried.isEmpty
                ? "no plugin claims \(url)" : "no step took \(url) (tried \(tried.joined(separator: ", ")))"
        case .redirectLoop(let urls): "redirect loop: \(urls.joined(separator: " -> "))"
        case .noFiles(let id): "plugin \(id) returned OK without ending a file"
        case .cancelled: "cancelled"
        case .timedOut(let limit): "ran past the job time limit of \(limit / .seconds(1)) s"
        case .storage(let reason): "storage: \(reason)"
        case .pluginFailed(let id, let status, let detail, let causes):
            "plugin \(id) failed with status \(status) (\(String(cString: boss_status_message(status))))"
                + (detail.map { ": \($0)" } ?? "")
                + (causes.isEmpty ? "" : "; caused by: " + causes.joined(separator: "; "))
        }
    }

    /// The error for a job its control stopped: cancelled, or past its deadline.
    static func stopped(by control: JobControl) -> ExtractionError {
        if case .deadline(let limit) = control.cancelReason { return .timedOut(limit: limit) }
        return .cancelled
    }

    /// "15 minutes", "1 minute", "90 seconds".
    static func spoken(_ duration: Duration) -> String {
        let seconds = Int(duration / .seconds(1))
        if seconds % 60 == 0 && seconds >= 60 {
            return seconds == 60 ? "1 minute" : "\(seconds / 60) minutes"
        }
        return seconds == 1 ? "1 second" : "\(seconds) seconds"
    }

    static func sentence(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() + "." }

    static func category(of status: boss_status) -> ErrorCategory {
        switch status {
        case BOSS_ERR_TOO_LARGE, BOSS_ERR_BAD_TYPE, BOSS_ERR_QUOTA, BOSS_ERR_TOO_MANY_FILES: .limit
        case BOSS_ERR_NETWORK, BOSS_ERR_BLOCKED_ADDRESS: .network
        case BOSS_ERR_UNSUPPORTED_URL, BOSS_ERR_CANCELLED: .userInput
        case BOSS_ERR_DEPENDENCY, BOSS_ERR_INVALID_ARGUMENT, BOSS_ERR_INTERNAL: .plugin
        default: .upstream
        }
    }
}
