import Glibc

/// Which kind of network an address belongs to; only `public` may be reached unless allowed.
public enum AddressRange: String, Sendable {
    case `public`, loopback
    case privateNetwork = "private"
    case linkLocal = "link-local"
    case sharedAddressSpace = "shared (CGNAT)"
    case multicast, unspecified, reserved
}
