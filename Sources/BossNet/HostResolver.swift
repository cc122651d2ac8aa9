import Glibc

/// Turns a host name into the addresses to connect to. The network guard checks every address a
/// resolver returns, and connections go to those checked addresses, never to a second answer.
public protocol HostResolver: Sendable {
    /// The addresses of `host` (a name or an IP literal), in the order to try them.
    func addresses(of host: String) throws(HTTPError) -> [IPAddress]
}
