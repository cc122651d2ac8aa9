import CZlib

/// Decompresses Discord's `compress=zlib-stream` transport: one zlib stream for the whole connection,
/// flushed (Z_SYNC_FLUSH) at the end of every payload. A payload may span several WebSocket messages;
/// it is complete when the received bytes end with `00 00 ff ff`. Not thread-safe: one per connection.
public final class ZlibStreamInflater {
    private var stream = z_stream()
    private var buffered: [UInt8] = []
    private var output = [UInt8](repeating: 0, count: 64 * 1024)
    private let maxPayloadBytes: Int
    private static let flushSuffix: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    /// Why a payload could not be decompressed; the connection must then be dropped.
    public enum Failure: Error, Equatable {
        /// zlib reported an error (corrupt or truncated stream).
        case corrupt(code: Int32)
        /// The payload decompressed to more than the allowed size.
        case tooLarge(limit: Int)
    }

    /// A fresh stream (use one per connection).
    public init(maxPayloadBytes: Int = 64 << 20) {
        self.maxPayloadBytes = maxPayloadBytes
        _ = boss_inflate_init(&stream)
    }

    deinit { inflateEnd(&stream) }

    /// Feeds one WebSocket message. Returns the decompressed payload when `bytes` completed one, nil
    /// while a payload is still incomplete.
    public func feed(_ bytes: [UInt8]) throws(Failure) -> [UInt8]? {
        buffered.append(contentsOf: bytes)
        guard buffered.count >= 4, Array(buffered.suffix(4)) == Self.flushSuffix else { return nil }
        defer { buffered.removeAll(keepingCapacity: true) }
        return try inflateBuffered()
    }

    private func inflateBuffered() throws(Failure) -> [UInt8] {
        var payload: [UInt8] = []
        var code = Z_OK
        buffered.withUnsafeMutableBufferPointer { input in
            stream.next_in = input.baseAddress
            stream.avail_in = UInt32(input.count)
            repeat {
                output.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    code = inflate(&stream, Z_SYNC_FLUSH)
                    payload.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
                }
            } while code == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
                && payload.count <= maxPayloadBytes
            stream.next_in = nil
        }
        guard code == Z_OK || code == Z_BUF_ERROR else { throw .corrupt(code: code) }
        guard payload.count <= maxPayloadBytes else { throw .tooLarge(limit: maxPayloadBytes) }
        return payload
    }
}
