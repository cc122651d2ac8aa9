import Glibc

/// A connected, blocking TCP socket; closed when released.
/// `@unchecked`: the accept thread hands it to the connection's thread, which alone uses it from then on.
final class TCPStream: @unchecked Sendable {
    let descriptor: Int32

    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Connects to `address`:`port` within `timeout`; nil with errno's text on failure.
    static func connect(to address: IPAddress, port: Int, timeout: Duration) -> Result<TCPStream, Failure> {
        let family = address.bytes.count == 4 ? AF_INET : AF_INET6
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failure(Failure(errno: errno)) }
        let stream = TCPStream(descriptor: descriptor)
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        let started = address.withSocketAddress(port: port) { Glibc.connect(descriptor, $0, $1) }
        if started != 0 {
            guard errno == EINPROGRESS else { return .failure(Failure(errno: errno)) }
            var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            guard poll(&waiting, 1, Int32(timeout / .milliseconds(1))) == 1 else {
                return .failure(Failure(errno: ETIMEDOUT))
            }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length)
            guard code == 0 else { return .failure(Failure(errno: code)) }
        }
        _ = fcntl(descriptor, F_SETFL, flags)
        return .success(stream)
    }

    /// Reads what is there (blocking until something is); 0 at the end of the stream, -1 on error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var count: Int
        repeat {
            count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
        } while count < 0 && errno == EINTR
        return count
    }

    /// Writes every byte; false when the peer is gone.
    @discardableResult
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = send(
                descriptor, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Writes `text` as UTF-8.
    @discardableResult
    func write(_ text: String) -> Bool { Array(text.utf8).withUnsafeBytes { write($0) } }

    /// Ends the sending direction; the peer reads the end of the stream.
    func shutdownWrite() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Gives up waiting for a read after `timeout` (the read then returns -1 with EAGAIN).
    func setReadTimeout(_ timeout: Duration) {
        var value = timeval(tv_sec: Int(timeout / .seconds(1)), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// A failed socket call.
    struct Failure: Error, CustomStringConvertible {
        let errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }
}
