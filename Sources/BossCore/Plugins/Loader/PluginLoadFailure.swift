/// A file that did not load, and why.
public struct PluginLoadFailure: Sendable, Equatable {
    /// The file in the plugins directory.
    public let path: String
    /// The reason.
    public let error: PluginLoadError
}
