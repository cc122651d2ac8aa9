/// Why the queue refused a request.
public enum QueueError: CategorizedError, CustomStringConvertible, Equatable {
    /// `maxWaiting` jobs are already waiting.
    case full(limit: Int)
    /// The requester already has `maxWaitingPerRequester` jobs waiting.
    case requesterFull(limit: Int)
    /// No job has this id.
    case notFound(JobID)
    /// The job already ended.
    case alreadyFinished(JobID, JobState)
    /// The queue is shutting down and takes no new jobs.
    case closed
    /// Another process runs this scope's queue on the same database.
    case scopeBusy(scope: String, lockPath: String)
    /// The database failed.
    case database(String)

    /// Limits for a full queue, user input for bad ids, internal otherwise.
    public var category: ErrorCategory {
        switch self {
        case .full, .requesterFull, .closed: .limit
        case .notFound, .alreadyFinished: .userInput
        case .scopeBusy, .database: .internal
        }
    }

    /// What the user can do about it.
    public var userMessage: String {
        switch self {
        case .full(let limit): "The download queue is full (\(limit) waiting); try again in a few minutes."
        case .requesterFull(let limit):
            "You already have \(limit) downloads waiting; add more once one has started, or cancel one."
        case .notFound(let id): "There is no job \(id)."
        case .alreadyFinished(let id, let state): "Job \(id) has already ended (\(state.rawValue))."
        case .closed: "The bot is shutting down and takes no new downloads right now."
        case .scopeBusy: "Another instance is already running this queue."
        case .database: "The download queue is unavailable right now."
        }
    }

    /// Detail for the operator.
    public var description: String {
        switch self {
        case .scopeBusy(let scope, let path): "the \(scope) queue is locked by another process (\(path))"
        case .database(let message): "queue database: \(message)"
        default: userMessage
        }
    }
}
