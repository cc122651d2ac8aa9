import PluginABI
import Synchronization

/// One sink file of a job, as a plugin holds it through its handle (see `PluginHandles`). In a dry run
/// there is no sink file; bytes are counted and dropped. Owned by the job context until ended or aborted.
final class OpenSinkFile: Sendable {
    let handle: UInt64
    let file: SinkFile?
    let expectedSize: UInt64
    let bytesWritten = Atomic<UInt64>(0)
    /// The job's `boss_job` handle: a file handle is only valid in calls for its own job.
    let jobHandle: UInt
    /// Weak: the context owns its open files, not the other way round.
    weak let context: ExtractCall?

    init(handle: UInt64, file: SinkFile?, expectedSize: UInt64, context: ExtractCall) {
        self.handle = handle
        self.file = file
        self.expectedSize = expectedSize
        self.context = context
        jobHandle = UInt(context.handle)
    }
}
