import PluginABI
import Synchronization

/// What a plugin holds as `boss_file*`: one sink file of a job. In a dry run there is no sink file;
/// bytes are counted and dropped. Owned by the job context until ended or aborted.
final class OpenSinkFile: Sendable {
    let file: SinkFile?
    let expectedSize: UInt64
    let bytesWritten = Atomic<UInt64>(0)
    /// Weak: the context owns its open files, not the other way round.
    weak let context: JobContext?

    init(file: SinkFile?, expectedSize: UInt64, context: JobContext) {
        self.file = file
        self.expectedSize = expectedSize
        self.context = context
    }

    var pointer: OpaquePointer { OpaquePointer(Unmanaged.passUnretained(self).toOpaque()) }

    static func from(_ handle: OpaquePointer?) -> OpenSinkFile? {
        guard let handle else { return nil }
        return Unmanaged<OpenSinkFile>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }
}
