import Glibc

/// A listening socket on 127.0.0.1 at a port the kernel picks: only this machine's processes can
/// connect, and no fixed port can collide with anything.
final class TCPListener: Sendable {
    private let descriptor: Int32
    /// The port the kernel picked.
    let port: Int

    init() throws(TCPStream.Failure) {
        let opened = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard opened >= 0 else { throw TCPStream.Failure(errno: errno) }
        let loopback = IPAddress(bytes: [127, 0, 0, 1])
        let bound = loopback.withSocketAddress(port: 0) { bind(opened, $0, $1) }
        guard bound == 0, listen(opened, 128) == 0 else {
            let failure = TCPStream.Failure(errno: errno)
            close(opened)
            throw failure
        }
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(opened, $0, &length) }
        }
        descriptor = opened
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// The next connection; nil once the listener was shut down.
    func accept() -> TCPStream? {
        while true {
            let client = Glibc.accept(descriptor, nil, nil)
            if client >= 0 {
                // Close-on-exec: no child process inherits a client's connection.
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return TCPStream(descriptor: client)
            }
            if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE {
                if errno == EMFILE || errno == ENFILE { usleep(50_000) }
                continue
            }
            return nil
        }
    }

    deinit { close(descriptor) }

    /// Wakes a blocked `accept`, which then returns nil; the socket closes when the last user lets go.
    func shutDown() { shutdown(descriptor, Int32(SHUT_RDWR)) }
}
