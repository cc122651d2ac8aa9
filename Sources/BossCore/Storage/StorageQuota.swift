import Foundation
import Synchronization

/// The data directory's byte budget (`BOSS_STORAGE_QUOTA_MB`), shared by every job. Bytes are reserved
/// before they are written, so concurrent jobs can never overshoot it together.
public final class StorageQuota: Sendable {
    private let limitBytes: Int64
    private let used: Mutex<Int64>

    /// Creates a quota with `usedBytes` already taken (see `measure(directory:)`).
    public init(limitBytes: Int64, usedBytes: Int64) {
        self.limitBytes = limitBytes
        used = Mutex(usedBytes)
    }

    /// The bytes of every regular file below `directory`, symlinks not followed.
    public static func measure(directory: String) -> Int64 {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var total: Int64 = 0
        while let relative = walker.nextObject() as? String {
            var info = stat()
            if lstat(directory + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                total += Int64(info.st_size)
            }
        }
        return total
    }

    /// Takes `bytes` from the budget, or fails without taking anything.
    public func reserve(_ bytes: Int64) throws(SinkError) {
        let result: StorageUsage? = used.withLock { used in
            guard used + bytes <= limitBytes else {
                return StorageUsage(usedBytes: used, limitBytes: limitBytes)
            }
            used += bytes
            return nil
        }
        if let usage = result { throw .quotaExceeded(usage) }
    }

    /// Gives `bytes` back (deleted files).
    public func release(_ bytes: Int64) { used.withLock { $0 = max(0, $0 - bytes) } }

    /// The current figures.
    public var usage: StorageUsage { StorageUsage(usedBytes: used.withLock { $0 }, limitBytes: limitBytes) }
}
