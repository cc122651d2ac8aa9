import PluginABI
import Synchronization

/// One sink file of a job, as a plugin holds it through its handle (see `PluginHandles`). In a dry run
/// there is no sink file; bytes are counted and dropped. Owned by the call's `SinkFiles` until ended
/// or aborted.
final class OpenSinkFile: Sendable {
    let handle: UInt64
    let file: SinkFile?
    let expectedSize: UInt64
    /// The job's `boss_job` handle: a file handle is only valid in calls for its own job.
    let jobHandle: UInt
    /// Weak: the call owns its open files, not the other way round.
    weak let call: ExtractCall?
    private let bytesWritten = Atomic<UInt64>(0)

    init(handle: UInt64, file: SinkFile?, expectedSize: UInt64, call: ExtractCall) {
        self.handle = handle
        self.file = file
        self.expectedSize = expectedSize
        self.call = call
        jobHandle = UInt(call.handle)
    }

    /// Counts `count` more bytes written; returns the file's total.
    func wrote(_ count: Int) -> UInt64 {
        bytesWritten.add(UInt64(count), ordering: .relaxed).newValue
    }
}
