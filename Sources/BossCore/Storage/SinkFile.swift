import BossMetrics
import Foundation
import Synchronization

/// One file being written through a `MediaSink`. The first bytes are held in memory until the type is
/// known (at most `MediaType.signatureLength`); every later byte goes straight to disk.
public final class SinkFile: Sendable {
    let sink: MediaSink
    let suggestedName: String?
    private let state = Mutex(Phase.sniffing([]))

    enum Phase {
        case sniffing([UInt8])
        case writing(fd: Int32, name: String, type: MediaType, size: Int64)
        case finished
    }

    init(sink: MediaSink, suggestedName: String?) {
        self.sink = sink
        self.suggestedName = suggestedName
    }

    var displayName: String { suggestedName ?? "media" }

    /// Appends bytes. Crossing the size limit or the quota, or content that is not media, deletes the
    /// partial file at once and finishes the handle.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SinkError) {
        try state.withLock { (phase: inout Phase) throws(SinkError) in
            let written: Int64
            switch phase {
            case .finished: throw .finished
            case .sniffing(let buffer): written = Int64(buffer.count)
            case .writing(_, _, _, let size): written = size
            }
            var reserved = written
            do throws(SinkError) {
                guard written + Int64(bytes.count) <= sink.maxFileBytes else {
                    throw .tooLarge(name: displayName, limitBytes: sink.maxFileBytes)
                }
                try sink.quota.reserve(Int64(bytes.count))
                reserved += Int64(bytes.count)
                try append(bytes, to: &phase)
            } catch {
                fail(&phase, releasing: reserved)
                BossMetrics.fileRejected(error.metricReason)
                throw error
            }
        }
    }

    /// Ends the file: it joins the job's result.
    public func finish() throws(SinkError) -> StoredFile {
        let stored = try state.withLock { (phase: inout Phase) throws(SinkError) -> StoredFile in
            if case .sniffing(let buffer) = phase {
                guard !buffer.isEmpty else {
                    phase = .finished
                    throw .empty(name: displayName)
                }
                do throws(SinkError) { try open(sniffed: buffer, into: &phase) } catch {
                    fail(&phase, releasing: Int64(buffer.count))
                    BossMetrics.fileRejected(error.metricReason)
                    throw error
                }
            }
            guard case .writing(let fd, let name, let type, let size) = phase else { throw .finished }
            Glibc.close(fd)
            phase = .finished
            return StoredFile(name: name, path: sink.directory + "/" + name, size: size, type: type)
        }
        sink.settle(self, stored: stored)
        return stored
    }

    /// Drops the file and what was written of it.
    public func abort() {
        state.withLock { phase in
            switch phase {
            case .finished: return
            case .sniffing(let buffer): fail(&phase, releasing: Int64(buffer.count))
            case .writing(_, _, _, let size): fail(&phase, releasing: size)
            }
        }
        sink.settle(self, stored: nil)
    }
}
