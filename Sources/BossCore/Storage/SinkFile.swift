import BossMetrics
import Foundation
import Synchronization

/// One file being written through a `MediaSink`: the API that enforces the size limit and the quota
/// on every write, over a `SinkFileWriter` (the disk state machine) behind a lock.
public final class SinkFile: Sendable {
    private let sink: MediaSink
    private let state: Mutex<SinkFileWriter>

    init(sink: MediaSink, suggestedName: String?) {
        self.sink = sink
        state = Mutex(SinkFileWriter(sink: sink, suggestedName: suggestedName))
    }

    /// Appends bytes. Crossing the size limit or the quota, or content that is not media, deletes the
    /// partial file at once and finishes the handle.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SinkError) {
        try state.withLock { [sink] (writer: inout SinkFileWriter) throws(SinkError) in
            let written = try writer.size()
            var reserved = written
            do throws(SinkError) {
                guard written + Int64(bytes.count) <= sink.maxFileBytes else {
                    throw .tooLarge(name: writer.displayName, limitBytes: sink.maxFileBytes)
                }
                try sink.quota.reserve(Int64(bytes.count))
                reserved += Int64(bytes.count)
                try writer.append(bytes)
            } catch {
                writer.fail(releasing: reserved)
                BossMetrics.fileRejected(error.metricReason)
                throw error
            }
        }
    }

    /// Ends the file: it joins the job's result.
    public func finish() throws(SinkError) -> StoredFile {
        let stored = try state.withLock { (writer: inout SinkFileWriter) throws(SinkError) -> StoredFile in
            let reserved = try writer.size()
            do throws(SinkError) {
                return try writer.finish()
            } catch .empty(let name) {
                throw .empty(name: name)  // nothing was written or reserved
            } catch {
                writer.fail(releasing: reserved)
                BossMetrics.fileRejected(error.metricReason)
                throw error
            }
        }
        sink.settle(self, stored: stored)
        return stored
    }

    /// Drops the file and what was written of it.
    public func abort() {
        state.withLock { $0.abort() }
        sink.settle(self, stored: nil)
    }
}
