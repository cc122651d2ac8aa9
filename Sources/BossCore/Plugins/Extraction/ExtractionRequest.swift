/// What to extract.
public struct ExtractionRequest: Sendable {
    /// The job the files belong to (names its folder under `downloads/`).
    public var jobID: JobID
    /// The URL the user gave.
    public var url: String
    /// Resolve what would be fetched without downloading it.
    public var dryRun: Bool
    /// What the requester asked for beyond the link.
    public var options: JobOptions

    /// Creates a request.
    public init(jobID: JobID, url: String, dryRun: Bool = false, options: JobOptions = JobOptions()) {
        self.jobID = jobID
        self.url = url
        self.dryRun = dryRun
        self.options = options
    }
}
