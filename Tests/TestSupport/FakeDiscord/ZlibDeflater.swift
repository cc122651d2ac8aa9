import CZlib

/// The server side of Discord's zlib-stream: one deflate stream per connection, each payload ending
/// with a sync flush (so it ends in 00 00 ff ff). Not thread-safe: one per connection.
public final class ZlibDeflater: @unchecked Sendable {
    private var stream = z_stream()

    /// A fresh stream.
    public init() { _ = boss_deflate_init(&stream, 6) }
    deinit { deflateEnd(&stream) }

    /// Compresses one payload, ending it with a sync flush.
    public func compress(_ payload: [UInt8]) -> [UInt8] {
        var input = payload
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        input.withUnsafeMutableBufferPointer { buffer in
            stream.next_in = buffer.baseAddress
            stream.avail_in = UInt32(buffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    deflate(&stream, Z_SYNC_FLUSH)
                    output.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
                }
            } while stream.avail_out == 0
        }
        return output
    }
}
