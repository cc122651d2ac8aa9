import Foundation

/// Ports on 127.0.0.1 for servers a test starts.
public enum LocalPort {
    /// A port nothing listens on now: the one the kernel picks for a socket bound to port 0. Another
    /// process may take it before the caller binds it, so a caller retries on "address in use".
    public static func free() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw PostgresClusterError.setupFailed("socket: \(errorText())") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw PostgresClusterError.setupFailed("binding port 0: \(errorText())") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
