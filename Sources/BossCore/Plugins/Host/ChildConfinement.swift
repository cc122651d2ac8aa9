import BossNet
import BossProcess

/// The rules every child process of a plugin call runs under: where its network goes, which tools it
/// finds, how large a file it may write, and how many bytes it may move.
public struct ChildConfinement: Sendable {
    /// The egress proxy children reach the network through; nil: children get no proxy.
    public var proxy: EgressProxy?
    /// The host's `PATH`, where tools are found (the operator installs them there).
    public var searchPath: String
    /// RLIMIT_FSIZE: the per-file download limit plus headroom for container overhead.
    public var fileSizeLimit: UInt64
    /// Bytes one job may move through the proxy, both directions counted.
    public var byteBudget: Int64

    /// Headroom over the file limit: a tool writing a file the sink will refuse anyway still gets to
    /// finish its last write and exit cleanly instead of dying mid-write.
    public static let fileSizeHeadroom: UInt64 = 1 << 20

    /// Rules derived from the host's limits: files up to `maxFileBytes` (plus headroom), and a byte
    /// budget of every file a job may deliver plus 64 MiB for pages and API answers.
    public init(proxy: EgressProxy?, searchPath: String?, limits: ExtractionLimits) {
        self.proxy = proxy
        self.searchPath = searchPath ?? ChildEnvironment.defaultPath
        fileSizeLimit = UInt64(limits.maxFileBytes) + Self.fileSizeHeadroom
        byteBudget = limits.maxFileBytes * Int64(limits.maxFiles) + (64 << 20)
    }
}
