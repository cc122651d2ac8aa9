/// An error that knows its category and can explain itself to the person who caused it.
///
/// `userMessage` is safe to show in Discord: it never carries secrets, paths or stack details.
/// The operator's log gets `String(describing:)` of the error, which carries the full context.
public protocol CategorizedError: Error, Sendable {
    /// The category used for advice and metrics.
    var category: ErrorCategory { get }
    /// One sentence for the user, saying what happened and, where possible, what to do.
    var userMessage: String { get }
}
