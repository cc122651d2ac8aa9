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
