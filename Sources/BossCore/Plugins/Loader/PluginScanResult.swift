import Foundation
import Logging
import PluginABI
import Synchronization

/// What a scan of the plugins directory changed.
public struct PluginScanResult: Sendable {
    /// Plugins loaded from new files.
    public var added: [PluginManifest] = []
    /// Plugins loaded from changed files, replacing the old version.
    public var replaced: [PluginManifest] = []
    /// Ids of plugins whose files disappeared.
    public var removed: [String] = []
    /// Files that failed to load in this scan.
    public var failures: [PluginLoadFailure] = []
}
