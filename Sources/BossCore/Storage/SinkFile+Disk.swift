import Foundation

extension SinkFile {
    /// Buffers while sniffing, creates the file once the type is known, then writes through.
    func append(_ bytes: UnsafeRawBufferPointer, to phase: inout Phase) throws(SinkError) {
        switch phase {
        case .sniffing(var buffer):
            buffer.append(contentsOf: bytes)
            if buffer.count >= MediaType.signatureLength {
                try open(sniffed: buffer, into: &phase)
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

    func open(sniffed buffer: [UInt8], into phase: inout Phase) throws(SinkError) {
        guard let type = MediaType.detect(buffer) else {
            let hex = buffer.prefix(16).map { String(format: "%02x", $0) }.joined(separator: " ")
            throw .badType(name: displayName, leadingBytes: hex)
        }
        let (name, fd) = try sink.createUniqueFile(suggestedName: suggestedName, type: type)
        phase = .writing(fd: fd, name: name, type: type, size: 0)
        let failure: SinkError? = buffer.withUnsafeBytes { raw in
            do throws(SinkError) { try Self.writeAll(fd, raw, path: name) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        phase = .writing(fd: fd, name: name, type: type, size: Int64(buffer.count))
    }

    /// Deletes what exists on disk, gives the reserved bytes back, and finishes the handle.
    func fail(_ phase: inout Phase, releasing reserved: Int64) {
        if case .writing(let fd, let name, _, _) = phase {
            Glibc.close(fd)
            unlinkat(sink.directoryDescriptor, name, 0)
        }
        sink.quota.release(reserved)
        phase = .finished
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SinkError) {
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
