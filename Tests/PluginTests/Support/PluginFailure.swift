import BossCore
import PluginABI

/// What a test checks of a `.pluginFailed` error.
struct PluginFailure: Equatable {
    var pluginID: String
    var status: boss_status
    var detail: String?
}

extension ExtractionError {
    /// The plugin's failure when this is `.pluginFailed`, else nil: `try #require(error?.pluginFailure)`
    /// fails the test on any other error, where a `guard case ... else { return }` would pass.
    var pluginFailure: PluginFailure? {
        guard case .pluginFailed(let pluginID, let status, let detail, _) = self else { return nil }
        return PluginFailure(pluginID: pluginID, status: status, detail: detail)
    }

    /// The URL and the plugins tried when this is `.unsupportedURL`, else nil.
    var unsupported: (url: String, tried: [String])? {
        guard case .unsupportedURL(let url, let tried) = self else { return nil }
        return (url, tried)
    }
}
