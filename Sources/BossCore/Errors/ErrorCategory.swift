/// Where a failure comes from, so that users get advice that fits and operators can count failures.
public enum ErrorCategory: String, Sendable, Codable, CaseIterable {
    /// The person asked for something invalid (bad URL, unknown job).
    case userInput = "user_input"
    /// The site being downloaded from failed or refused (deleted post, HTTP error, rate limit).
    case upstream
    /// A plugin misbehaved or is missing something it needs.
    case plugin
    /// A host limit was hit (file size, type, quota, queue length).
    case limit
    /// The network failed or a guard refused an address.
    case network
    /// Discord refused or failed a request.
    case discord
    /// A bug or an unexpected local failure (disk, database).
    case `internal`
}
