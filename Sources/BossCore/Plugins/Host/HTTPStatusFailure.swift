import BossNet
import PluginABI

/// A response whose status ends a host request early (before any body byte reaches a plugin).
struct HTTPStatusFailure: Error, CustomStringConvertible {
    let status: Int
    let url: String
    var description: String { "HTTP \(status) from \(url)" }
}
