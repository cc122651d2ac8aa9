import Glibc
import Synchronization

/// At most `width` runs of a costly tool at once (ffmpeg and ffprobe each map a whole media file's
/// worth of buffers: five at once took the process tree from ~54 to ~140 MiB). Callers block on their
/// own thread until a place is free, and give up when `isCancelled` turns true.
public final class ToolGate: Sendable {
    private let width: Int
    private let inUse = Mutex(0)

    /// A gate letting `width` runs through at once.
    public init(width: Int) { self.width = max(1, width) }

    /// The gate of the media tools (ffmpeg, ffprobe): two at once.
    public static let mediaTools = ToolGate(width: 2)

    /// Names of the executables the media-tool gate applies to.
    public static let mediaToolNames: Set<String> = ["ffmpeg", "ffprobe"]

    /// Runs `body` once a place is free; nil when `isCancelled` became true while waiting.
    public func run<T>(isCancelled: () -> Bool, _ body: () throws -> T) rethrows -> T? {
        while !inUse.withLock({ used in
            guard used < width else { return false }
            used += 1
            return true
        }) {
            if isCancelled() { return nil }
            usleep(20_000)
        }
        defer { inUse.withLock { $0 -= 1 } }
        return try body()
    }

    /// Runs currently inside the gate.
    public var occupied: Int { inUse.withLock { $0 } }
}
