/// Why a backup or a restore of the queue database did not happen.
public enum QueueBackupError: Error, Equatable, CustomStringConvertible {
    /// There is no queue database to back up.
    case noDatabase(path: String)
    /// Copying failed (disk full, permissions, ...).
    case failed(path: String, reason: String)
    /// The file offered for a restore is not a sound queue database; nothing was changed.
    case refused(path: String, reason: String)

    /// One sentence for the operator.
    public var description: String {
        switch self {
        case .noDatabase(let path):
            "there is no queue database at \(path) (check BOSS_DATA_DIR)"
        case .failed(let path, let reason):
            "cannot write \(path): \(reason)"
        case .refused(let path, let reason):
            "refusing to restore \(path): \(reason); the queue database was left unchanged"
        }
    }
}
