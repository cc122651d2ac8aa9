/// Host limits applied to every job, whatever the plugin does.
public struct ExtractionLimits: Sendable {
    /// Per-file size limit in bytes (`BOSS_MAX_FILE_MB`).
    public var maxFileBytes: Int64
    /// Files one job may produce; more fail with TOO_MANY_FILES.
    public var maxFiles: Int
    /// Plugin-to-plugin redirects one job may take.
    public var maxRedirects: Int

    /// Creates limits; the defaults match the contract's.
    public init(maxFileBytes: Int64 = 50 * 1_048_576, maxFiles: Int = 50, maxRedirects: Int = 3) {
        self.maxFileBytes = maxFileBytes
        self.maxFiles = maxFiles
        self.maxRedirects = maxRedirects
    }
}

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

/// What a successful extraction produced.
public struct ExtractionResult: Sendable {
    /// The files, in the order the plugin finished them; they live in `directory`.
    public var files: [StoredFile]
    /// The job's folder.
    public var directory: String
    /// Title, author, source and NSFW flag from the plugin.
    public var metadata: MediaMetadata
    /// The plugin that produced the files (the last one after redirects).
    public var pluginID: String
    /// The plugins that handled the job in order, when redirects happened.
    public var route: [String]
    /// In a dry run: what would be fetched.
    public var planned: [PlannedDownload]
}
