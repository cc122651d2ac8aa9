import Foundation
import Synchronization

/// How much of the data directory's quota is used.
public struct StorageUsage: Sendable, Equatable, CustomStringConvertible {
    /// Bytes in use.
    public var usedBytes: Int64
    /// Bytes allowed.
    public var limitBytes: Int64

    /// Creates a usage figure.
    public init(usedBytes: Int64, limitBytes: Int64) {
        self.usedBytes = usedBytes
        self.limitBytes = limitBytes
    }

    /// Used megabytes (MiB, as the settings count).
    public var usedMegabytes: Double { Double(usedBytes) / 1_048_576 }
    /// Allowed megabytes (MiB).
    public var limitMegabytes: Double { Double(limitBytes) / 1_048_576 }
    /// Percent of the quota in use.
    public var percent: Double { limitBytes > 0 ? Double(usedBytes) * 100 / Double(limitBytes) : 100 }

    /// "12.5 MB (13107200 bytes) of 2048 MB (0.6%)".
    public var description: String {
        String(
            format: "%.1f MB (%lld bytes) of %.0f MB (%.1f%%)", usedMegabytes, usedBytes, limitMegabytes,
            percent)
    }
}
