import Foundation

/// The disk side of one sink file, a state machine: sniffing (the first bytes held in memory until the
/// type is known), writing (straight to the created file), finished. Every failure deletes what is on
/// disk and gives the quota back, so no state leaves a partial file behind.
struct SinkFileWriter {
    private enum Phase {
        case sniffing([UInt8])
        case writing(fd: Int32, name: String, type: MediaType, size: Int64)
        case finished
    }

    private let sink: MediaSink
    private let suggestedName: String?
    private var phase = Phase.sniffing([])

    init(sink: MediaSink, suggestedName: String?) {
        self.sink = sink
        self.suggestedName = suggestedName
    }

    /// The name used in errors.
    var displayName: String { suggestedName ?? "media" }

    /// Bytes taken so far (held or written); throws once finished.
    func size() throws(SinkError) -> Int64 {
        switch phase {
        case .finished: throw .finished
        case .sniffing(let buffer): Int64(buffer.count)
        case .writing(_, _, _, let size): size
        }
    }

    /// Buffers while sniffing, creates the file once the type is known, then writes through.
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(SinkError) {
        switch phase {
        case .sniffing(var buffer):
            buffer.append(contentsOf: bytes)
            if buffer.count >= MediaType.signatureLength {
                try open(sniffed: buffer)
            } else {
                phase = .sniffing(buffer)
            }
        case .writing(let fd, let name, let type, let size):
            try Self.writeAll(fd, bytes, path: name)
            phase = .writing(fd: fd, name: name, type: type, size: size + Int64(bytes.count))
        case .finished:
            throw .finished
        }
    }

    /// Closes the file (creating it first when it never left sniffing); on failure the caller `fail`s.
    mutating func finish() throws(SinkError) -> StoredFile {
        if case .sniffing(let buffer) = phase {
            guard !buffer.isEmpty else {
                phase = .finished
                throw .empty(name: displayName)
            }
            try open(sniffed: buffer)
        }
        guard case .writing(let fd, let name, let type, let size) = phase else { throw .finished }
        Glibc.close(fd)
        phase = .finished
        return StoredFile(name: name, path: sink.directory + "/" + name, size: size, type: type)
    }

    /// Deletes what exists on disk, gives `reserved` bytes back to the quota, and finishes.
    mutating func fail(releasing reserved: Int64) {
        if case .writing(let fd, let name, _, _) = phase {
            Glibc.close(fd)
            unlinkat(sink.directoryDescriptor, name, 0)
        }
        sink.quota.release(reserved)
        phase = .finished
    }

    /// Drops the file and what was written of it (nothing when already finished).
    mutating func abort() {
        guard let size = try? size() else { return }
        fail(releasing: size)
    }

    private mutating func open(sniffed buffer: [UInt8]) throws(SinkError) {
        guard let type = MediaType.detect(buffer) else { throw .badType(name: displayName, head: buffer) }
        let (name, fd) = try sink.createUniqueFile(suggestedName: suggestedName, type: type)
        phase = .writing(fd: fd, name: name, type: type, size: 0)
        let failure: SinkError? = buffer.withUnsafeBytes { raw in
            do throws(SinkError) { try Self.writeAll(fd, raw, path: name) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        phase = .writing(fd: fd, name: name, type: type, size: Int64(buffer.count))
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SinkError)
    {
        var offset = 0
        while offset < bytes.count {
            let result = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "write", path: path, errno: errno)
            }
            offset += result
        }
    }
}
