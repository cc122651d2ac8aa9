import Glibc

/// Moves bytes both ways between a client and its upstream until both ends are done, counting every
/// byte against the job's grant. Checks the grant at least every `checkInterval`: a cancelled job,
/// a passed deadline or a spent budget cuts the tunnel within that time.
struct TunnelRelay {
    let client: TCPStream
    let upstream: TCPStream
    let grant: EgressGrant
    var checkInterval: Duration = .milliseconds(200)

    /// How the relay ended.
    enum Ending: Equatable {
        /// Both sides finished.
        case finished
        /// The grant closed (job ended, cancelled, past its deadline, or over its byte budget).
        case cut
    }

    /// Relays until both directions reached their end, or the grant closed.
    func run() -> Ending {
        var buffer = [UInt8](repeating: 0, count: 256 * 1024)
        var open = [true, true]  // client → upstream, upstream → client
        let sides = [(client, upstream), (upstream, client)]
        let timeout = Int32(checkInterval / .milliseconds(1))
        while open[0] || open[1] {
            guard grant.isOpen else { return .cut }
            var watched = sides.indices.map { index in
                pollfd(fd: open[index] ? sides[index].0.descriptor : -1, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&watched, nfds_t(watched.count), timeout)
            if ready < 0 && errno != EINTR { return .finished }
            for index in sides.indices where open[index] && watched[index].revents != 0 {
                let (from, to) = sides[index]
                let count = buffer.withUnsafeMutableBytes { from.read(into: $0) }
                guard count > 0 else {
                    open[index] = false
                    to.shutdownWrite()
                    continue
                }
                guard grant.consume(count) else { return .cut }
                let delivered = buffer.withUnsafeBytes {
                    to.write(UnsafeRawBufferPointer(rebasing: $0[..<count]))
                }
                if !delivered { return .finished }
            }
        }
        return .finished
    }
}
