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
